#include "demodata.h"

#include "pngencoder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Peephole::DemoData {

namespace {
/// Tiny linear congruential generator: deterministic across platforms.
class Lcg
{
public:
    quint32 next()
    {
        m_state = m_state * 1664525u + 1013904223u;
        return m_state >> 8;
    }
    int below(int n) { return int(next() % quint32(n)); }

private:
    quint32 m_state = 20240229u;
};

QJsonObject makeItem(int i, Lcg &rng)
{
    static const QStringList words = {u"alpha"_s,   u"bravo"_s, u"charlie"_s, u"delta"_s, u"echo"_s,
                                      u"foxtrot"_s, u"golf"_s,  u"hotel"_s,   u"india"_s, u"juliett"_s};
    static const QStringList cities = {u"Zürich"_s,    u"Kraków"_s,   u"São Paulo"_s, u"東京"_s,
                                       u"Reykjavík"_s, u"Montréal"_s, u"Αθήνα"_s,     u"Nairobi"_s};
    QJsonArray tags;
    for (int t = 0, n = 1 + rng.below(4); t < n; ++t)
        tags.append(words[rng.below(int(words.size()))]);
    QString description;
    for (int w = 0, n = 8 + rng.below(10); w < n; ++w)
        description += (w ? u" "_s : QString()) + words[rng.below(int(words.size()))];
    return QJsonObject{
        {u"id"_s, i},
        {u"name"_s, u"Item %1"_s.arg(i)},
        {u"sku"_s, u"PH-%1"_s.arg(rng.next() % 1000000u, 6, 10, QChar(u'0'))},
        {u"price"_s, double(rng.below(100000)) / 100.0},
        {u"active"_s, rng.below(3) != 0},
        {u"discount"_s, rng.below(5) == 0 ? QJsonValue(double(rng.below(50))) : QJsonValue()},
        {u"tags"_s, tags},
        {u"location"_s, QJsonObject{{u"city"_s, cities[rng.below(int(cities.size()))]},
                                    {u"lat"_s, double(rng.below(180000) - 90000) / 1000.0},
                                    {u"lon"_s, double(rng.below(360000) - 180000) / 1000.0}}},
        {u"created"_s, u"2024-%1-%2T%3:%4:00Z"_s.arg(1 + rng.below(12), 2, 10, QChar(u'0'))
                           .arg(1 + rng.below(28), 2, 10, QChar(u'0'))
                           .arg(rng.below(24), 2, 10, QChar(u'0'))
                           .arg(rng.below(60), 2, 10, QChar(u'0'))},
        {u"description"_s, description},
    };
}

QByteArray buildJson()
{
    Lcg rng;
    QJsonArray items;
    QByteArray out;
    // About 280 bytes per item: 7500 items give roughly 2 MB.
    constexpr int Count = 7500;
    for (int i = 0; i < Count; ++i)
        items.append(makeItem(i, rng));
    const QJsonObject root{{u"generator"_s, u"Peephole demo"_s}, {u"count"_s, Count}, {u"items"_s, items}};
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

QByteArray buildPng()
{
    constexpr int Size = 256;
    QByteArray rgba(Size * Size * 4, Qt::Uninitialized);
    for (int y = 0; y < Size; ++y) {
        for (int x = 0; x < Size; ++x) {
            const double dx = x - 127.5, dy = y - 127.5;
            const double r = std::sqrt(dx * dx + dy * dy);
            const bool ring = r > 70 && r < 100;
            const bool hole = r <= 30;
            char *p = rgba.data() + (y * Size + x) * 4;
            p[0] = char(ring ? 240 : x);
            p[1] = char(ring ? 160 : y);
            p[2] = char(ring ? 40 : 200);
            p[3] = char(hole ? 0 : 255);
        }
    }
    return encodePngRgba(Size, Size, rgba);
}
} // namespace

QByteArray largeJson()
{
    static const QByteArray json = buildJson();
    return json;
}

QByteArray png()
{
    static const QByteArray image = buildPng();
    return image;
}

} // namespace Peephole::DemoData
