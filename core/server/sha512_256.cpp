#include "sha512_256.h"

#include <QtEndian>

#include <array>

namespace Peephole {

namespace {
constexpr std::array<quint64, 80> K = {
    0x428a2f98d728ae22ULL, 0x7137449123ef65cdULL, 0xb5c0fbcfec4d3b2fULL, 0xe9b5dba58189dbbcULL,
    0x3956c25bf348b538ULL, 0x59f111f1b605d019ULL, 0x923f82a4af194f9bULL, 0xab1c5ed5da6d8118ULL,
    0xd807aa98a3030242ULL, 0x12835b0145706fbeULL, 0x243185be4ee4b28cULL, 0x550c7dc3d5ffb4e2ULL,
    0x72be5d74f27b896fULL, 0x80deb1fe3b1696b1ULL, 0x9bdc06a725c71235ULL, 0xc19bf174cf692694ULL,
    0xe49b69c19ef14ad2ULL, 0xefbe4786384f25e3ULL, 0x0fc19dc68b8cd5b5ULL, 0x240ca1cc77ac9c65ULL,
    0x2de92c6f592b0275ULL, 0x4a7484aa6ea6e483ULL, 0x5cb0a9dcbd41fbd4ULL, 0x76f988da831153b5ULL,
    0x983e5152ee66dfabULL, 0xa831c66d2db43210ULL, 0xb00327c898fb213fULL, 0xbf597fc7beef0ee4ULL,
    0xc6e00bf33da88fc2ULL, 0xd5a79147930aa725ULL, 0x06ca6351e003826fULL, 0x142929670a0e6e70ULL,
    0x27b70a8546d22ffcULL, 0x2e1b21385c26c926ULL, 0x4d2c6dfc5ac42aedULL, 0x53380d139d95b3dfULL,
    0x650a73548baf63deULL, 0x766a0abb3c77b2a8ULL, 0x81c2c92e47edaee6ULL, 0x92722c851482353bULL,
    0xa2bfe8a14cf10364ULL, 0xa81a664bbc423001ULL, 0xc24b8b70d0f89791ULL, 0xc76c51a30654be30ULL,
    0xd192e819d6ef5218ULL, 0xd69906245565a910ULL, 0xf40e35855771202aULL, 0x106aa07032bbd1b8ULL,
    0x19a4c116b8d2d0c8ULL, 0x1e376c085141ab53ULL, 0x2748774cdf8eeb99ULL, 0x34b0bcb5e19b48a8ULL,
    0x391c0cb3c5c95a63ULL, 0x4ed8aa4ae3418acbULL, 0x5b9cca4f7763e373ULL, 0x682e6ff3d6b2b8a3ULL,
    0x748f82ee5defb2fcULL, 0x78a5636f43172f60ULL, 0x84c87814a1f0ab72ULL, 0x8cc702081a6439ecULL,
    0x90befffa23631e28ULL, 0xa4506cebde82bde9ULL, 0xbef9a3f7b2c67915ULL, 0xc67178f2e372532bULL,
    0xca273eceea26619cULL, 0xd186b8c721c0c207ULL, 0xeada7dd6cde0eb1eULL, 0xf57d4f7fee6ed178ULL,
    0x06f067aa72176fbaULL, 0x0a637dc5a2c898a6ULL, 0x113f9804bef90daeULL, 0x1b710b35131c471bULL,
    0x28db77f523047d84ULL, 0x32caab7b40c72493ULL, 0x3c9ebe0a15c9bebcULL, 0x431d67c49c100d4cULL,
    0x4cc5d4becb3e42b6ULL, 0x597f299cfc657e2aULL, 0x5fcb6fab3ad6faecULL, 0x6c44198c4a475817ULL,
};

// FIPS 180-4 §5.3.6.2: initial hash value H(0) of SHA-512/256.
constexpr std::array<quint64, 8> InitialHash = {
    0x22312194fc2bf72cULL, 0x9f555fa3c84c64c2ULL, 0x2393b86b6f53b151ULL, 0x963877195940eabdULL,
    0x96283ee2a88effe3ULL, 0xbe5e1e2553863992ULL, 0x2b0199fc2c85b8aaULL, 0x0eb72ddc81c52ca2ULL,
};

constexpr quint64 rotr(quint64 x, int n)
{
    return (x >> n) | (x << (64 - n));
}

void compress(std::array<quint64, 8> &h, const uchar *block)
{
    std::array<quint64, 80> w{};
    for (int t = 0; t < 16; ++t)
        w[t] = qFromBigEndian<quint64>(block + 8 * t);
    for (int t = 16; t < 80; ++t) {
        const quint64 s0 = rotr(w[t - 15], 1) ^ rotr(w[t - 15], 8) ^ (w[t - 15] >> 7);
        const quint64 s1 = rotr(w[t - 2], 19) ^ rotr(w[t - 2], 61) ^ (w[t - 2] >> 6);
        w[t] = w[t - 16] + s0 + w[t - 7] + s1;
    }
    quint64 a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
    for (int t = 0; t < 80; ++t) {
        const quint64 s1 = rotr(e, 14) ^ rotr(e, 18) ^ rotr(e, 41);
        const quint64 ch = (e & f) ^ (~e & g);
        const quint64 t1 = k + s1 + ch + K[t] + w[t];
        const quint64 s0 = rotr(a, 28) ^ rotr(a, 34) ^ rotr(a, 39);
        const quint64 maj = (a & b) ^ (a & c) ^ (b & c);
        const quint64 t2 = s0 + maj;
        k = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
    h[5] += f;
    h[6] += g;
    h[7] += k;
}
} // namespace

QByteArray sha512_256(QByteArrayView data)
{
    std::array<quint64, 8> h = InitialHash;
    const auto *bytes = reinterpret_cast<const uchar *>(data.data());
    const qsizetype fullBlocks = data.size() / 128;
    for (qsizetype i = 0; i < fullBlocks; ++i)
        compress(h, bytes + 128 * i);

    // Padding: 0x80, zeros, then the 128-bit big-endian bit length (high half 0 for < 2^61 bytes).
    QByteArray tail = data.sliced(128 * fullBlocks).toByteArray();
    tail.append(char(0x80));
    while (tail.size() % 128 != 112)
        tail.append('\0');
    uchar length[16] = {};
    qToBigEndian<quint64>(quint64(data.size()) * 8, length + 8);
    tail.append(reinterpret_cast<const char *>(length), 16);
    for (qsizetype i = 0; i < tail.size(); i += 128)
        compress(h, reinterpret_cast<const uchar *>(tail.constData()) + i);

    QByteArray out(32, Qt::Uninitialized);
    for (int i = 0; i < 4; ++i)
        qToBigEndian<quint64>(h[i], out.data() + 8 * i);
    return out;
}

} // namespace Peephole
