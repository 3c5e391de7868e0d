#include "cli/cliapp.h"

#include <QCoreApplication>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("peephole-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("Peephole"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PEEPHOLE_VERSION));
    return Peephole::Cli::run(QCoreApplication::arguments());
}
