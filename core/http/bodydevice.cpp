#include "http/bodydevice.h"

#include "http/bodystore.h"

#include <cstring>

namespace Peephole {

BodyDevice::BodyDevice(std::shared_ptr<BodyStore> store, QObject *parent)
    : QIODevice(parent), m_store(std::move(store))
{
}

qint64 BodyDevice::size() const
{
    return m_store ? m_store->size() : 0;
}

qint64 BodyDevice::readData(char *data, qint64 maxSize)
{
    if (!m_store)
        return -1;
    const QByteArray chunk = m_store->read(pos(), qMin<qint64>(maxSize, 1 << 20));
    std::memcpy(data, chunk.constData(), size_t(chunk.size()));
    return chunk.size();
}

qint64 BodyDevice::writeData(const char *, qint64)
{
    return -1;
}

} // namespace Peephole
