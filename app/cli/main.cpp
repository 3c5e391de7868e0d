#include "cli/cliapp.h"
#include "io/fileio.h"

#include <QCoreApplication>

int main(int argc, char **argv)
{
    Peephole::Io::restrictUmask(); // every file and folder the CLI creates is private
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("peephole-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("Peephole"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PEEPHOLE_VERSION));
    return Peephole::Cli::run(QCoreApplication::arguments());
}
