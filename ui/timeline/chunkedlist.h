#pragma once

#include <cstddef>
#include <memory>
#include <vector>

namespace Peephole {

/// An append-only sequence stored in fixed chunks of @p ChunkSize elements:
/// growing it never moves the elements (nor allocates twice the storage for
/// a moment, as a growing vector does), and indexing stays one shift and one
/// mask away. For the timeline's 100,000 records.
template <typename T, std::size_t ChunkSize = 1024> class ChunkedList
{
    static_assert((ChunkSize & (ChunkSize - 1)) == 0, "ChunkSize must be a power of two");

public:
    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }

    T &operator[](std::size_t i) { return m_chunks[i / ChunkSize][i % ChunkSize]; }
    const T &operator[](std::size_t i) const { return m_chunks[i / ChunkSize][i % ChunkSize]; }

    void push_back(T &&value)
    {
        if (m_size == m_chunks.size() * ChunkSize)
            m_chunks.push_back(std::make_unique<T[]>(ChunkSize));
        (*this)[m_size++] = std::move(value);
    }

    /// Drops every element and frees the storage.
    void clear()
    {
        m_chunks.clear();
        m_chunks.shrink_to_fit();
        m_size = 0;
    }

private:
    std::vector<std::unique_ptr<T[]>> m_chunks;
    std::size_t m_size = 0;
};

} // namespace Peephole
