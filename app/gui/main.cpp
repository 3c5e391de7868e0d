#include "collections/collectiondock.h"
#include "io/fileio.h"
#include "composer/composerwidget.h"
#include "mainwindow/mainwindow.h"
#include "welcome/demomode.h"
#include "collections/recentcollections.h"
#include "welcome/welcomepage.h"
#include "workspace/workspace.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QTimer>
#include <QTranslator>

#include <memory>

using namespace Qt::StringLiterals;

namespace {
/// For bench/startup: with PEEPHOLE_QUIT_WHEN_PAINTED set, close the window
/// (saving the session as usual) right after its first paint has been handled.
class QuitWhenPainted : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_done) {
            m_done = true;
            QTimer::singleShot(0, watched, [w = static_cast<QWidget *>(watched)] { w->close(); });
        }
        return false;
    }

private:
    bool m_done = false;
};
} // namespace

int main(int argc, char **argv)
{
    Peephole::Io::restrictUmask(); // every file and folder the app creates is private
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
    parser.setApplicationDescription(
        QApplication::translate("main", "Peephole, a native HTTP request inspector."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(u"demo"_s,
                                  QApplication::translate("main", "Serve the built-in demo API on "
                                                                  "127.0.0.1 and offer its requests."));
    parser.addOption(demo);
    parser.addPositionalArgument(u"FILE"_s,
                                 QApplication::translate("main", "A HAR file to open as a timeline, "
                                                                 "or a collection folder to open."),
                                 u"[FILE]"_s);
    parser.process(app);

    Peephole::Workspace workspace;
    Peephole::MainWindow window(&workspace);
    auto *welcome = new Peephole::WelcomePage(&window);
    QObject::connect(welcome, &Peephole::WelcomePage::sampleChosen, window.composer(),
                     &Peephole::ComposerWidget::setRequest);
    QObject::connect(welcome, &Peephole::WelcomePage::openHarRequested, &window,
                     &Peephole::MainWindow::openHarDialog);
    QObject::connect(welcome, &Peephole::WelcomePage::importCurlRequested, &window,
                     &Peephole::MainWindow::importCurl);
    window.setEmptyStateWidget(welcome);
    // With --demo, the welcome page's button or Help ▸ Start the Demo API: the demo API builds its
    // 2 MB JSON document on a thread as it starts, so it is not created before someone asks.
    std::unique_ptr<Peephole::DemoMode> demoMode;
    const auto startDemo = [&] {
        if (!demoMode)
            demoMode = std::make_unique<Peephole::DemoMode>();
        const bool wasRunning = demoMode->isRunning();
        if (!demoMode->start())
            window.showStartupProblem(demoMode->errorString());
        else if (!wasRunning)
            demoMode->populate(welcome);
    };
    QObject::connect(welcome, &Peephole::WelcomePage::demoRequested, &window, startDemo);
    QObject::connect(&window, &Peephole::MainWindow::demoRequested, &window, startDemo);
    if (parser.isSet(demo))
        startDemo();
    if (qEnvironmentVariableIsSet("PEEPHOLE_QUIT_WHEN_PAINTED"))
        window.installEventFilter(new QuitWhenPainted(&window));
    window.show();
    const QStringList files = parser.positionalArguments();
    if (!files.isEmpty() && QFileInfo(files.first()).isDir())
        window.collectionDock()->openCollection(files.first());
    else if (!files.isEmpty())
        window.openHar(files.first());
    else if (!parser.isSet(demo))
        window.recentCollections()->reopenLast(); // in the background, after the first frame

    return QApplication::exec();
}
