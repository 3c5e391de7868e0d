#include "mainwindow/mainwindow.h"
#include "workspace/workspace.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

using namespace Qt::StringLiterals;

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"peephole"_s);
    QApplication::setApplicationDisplayName(u"Peephole"_s);
    QApplication::setOrganizationName(u"Peephole"_s);
    QApplication::setApplicationVersion(QStringLiteral(PEEPHOLE_VERSION));
    QGuiApplication::setDesktopFileName(u"io.github.peephole.Peephole"_s);
    QApplication::setWindowIcon(QIcon::fromTheme(u"io.github.peephole.Peephole"_s,
                                                 QIcon(u":/icons/io.github.peephole.Peephole.svg"_s)));

    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    QTranslator translator;
    if (translator.load(QLocale(), u"peephole"_s, u"_"_s, u":/i18n"_s))
        QApplication::installTranslator(&translator);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Peephole, a native HTTP request inspector."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(u"FILE"_s, QApplication::translate("main", "A HAR file to open as a timeline."),
                                 u"[FILE]"_s);
    parser.process(app);

    Peephole::Workspace workspace;
    Peephole::MainWindow window(&workspace);
    window.show();
    const QStringList files = parser.positionalArguments();
    if (!files.isEmpty())
        window.openHar(files.first());
    return QApplication::exec();
}
