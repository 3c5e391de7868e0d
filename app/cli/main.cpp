#include "cli/cliapp.h"
#include "io/fileio.h"

#include <QCoreApplication>

#include <csignal>

int main(int argc, char **argv)
{
    Peephole::Io::restrictUmask(); // every file and folder the CLI creates is private
    // A closed pipe is a write error to report (exit 13), not a silent death by SIGPIPE.
    std::signal(SIGPIPE, SIG_IGN);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("peephole-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("Peephole"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PEEPHOLE_VERSION));
    return Peephole::Cli::run(QCoreApplication::arguments());
}
