#pragma once

// Helpers shared by the libFuzzer targets in tests/fuzz.

#include <QByteArray>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace PeepholeFuzz {

/// A broken invariant: says which one, then aborts (libFuzzer keeps the input).
[[noreturn]] inline void fail(const char *what)
{
    std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
    std::abort();
}

#define FUZZ_CHECK(condition)                                                                                \
    do {                                                                                                     \
        if (!(condition))                                                                                    \
            PeepholeFuzz::fail(#condition);                                                                  \
    } while (false)

inline QByteArray bytes(const std::uint8_t *data, std::size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

} // namespace PeepholeFuzz
