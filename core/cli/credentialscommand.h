#pragma once

#include <QObject>
#include <QStringList>

namespace Peephole::Cli {

/// `peephole-cli credentials list` and `credentials forget SCHEME ORIGIN REALM [USER]`.
class CredentialsCommand : public QObject
{
    Q_OBJECT
public:
    int run(const QStringList &arguments);
};

} // namespace Peephole::Cli
