#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <array>
#include <cstdint>

namespace Peephole {

/// SHA-512 family (FIPS 180-4) with a selectable initial value. Qt has no
/// SHA-512/256, which Digest (RFC 7616) calls "SHA-512-256": it is the
/// SHA-512 compression run from its own IV and truncated to 256 bits, not a
/// truncated SHA-512.
class Sha512Family
{
public:
    enum class Variant { Sha512, Sha512_256 };

    explicit Sha512Family(Variant variant);
    void addData(QByteArrayView data);
    /// The digest (64 bytes for SHA-512, 32 for SHA-512/256). Call once.
    QByteArray result();

    static QByteArray hash(QByteArrayView data, Variant variant);

private:
    void compress(const unsigned char *block);

    Variant m_variant;
    std::array<std::uint64_t, 8> m_state{};
    unsigned char m_buffer[128] = {};
    std::size_t m_bufferLen = 0;
    std::uint64_t m_totalLen = 0; // bytes; inputs beyond 2^61 bytes are not a concern here
};

} // namespace Peephole
