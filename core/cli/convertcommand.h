#pragma once

#include <QObject>
#include <QStringList>

namespace Peephole::Cli {

/// `peephole-cli convert --from F --to T IN [OUT]`: converts requests between
/// curl command lines, HAR, Postman collections and .http files. Per-item
/// warnings go to stderr; a failed import writes nothing.
class ConvertCommand : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    int run(const QStringList &arguments);
    static QString help();
};

} // namespace Peephole::Cli
