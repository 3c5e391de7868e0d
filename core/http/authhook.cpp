#include "http/authhook.h"

namespace Peephole {

namespace {
constexpr qint64 AuthIntBodyLimit = 64 * 1024 * 1024;
}

QByteArray HopContext::body(bool *complete) const
{
    if (complete)
        *complete = !bodyStore || bodyStore->size() <= AuthIntBodyLimit;
    return bodyStore ? bodyStore->read(0, AuthIntBodyLimit) : QByteArray();
}

} // namespace Peephole
