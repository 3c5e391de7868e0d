#pragma once

#include <QIODevice>

#include <memory>

namespace Peephole {

class BodyStore;

/// A random-access, read-only QIODevice over a BodyStore, so that a body is
/// uploaded from memory or disk without being copied again.
class BodyDevice : public QIODevice
{
    Q_OBJECT
public:
    explicit BodyDevice(std::shared_ptr<BodyStore> store, QObject *parent = nullptr);

    bool isSequential() const override { return false; }
    qint64 size() const override;

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 maxSize) override;

private:
    std::shared_ptr<BodyStore> m_store;
};

} // namespace Peephole
