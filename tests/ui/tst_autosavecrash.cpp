// Issue 16: unsaved edits survive a crash. A real peephole process runs on a private Xvfb display,
// gets its URL typed through the X server (XTest, as a keyboard would), and is killed with SIGKILL
// once its autosave is on disk; a new window with the same settings shows the edit again.
#include "composer/composerwidget.h"
#include "mainwindow/mainwindow.h"
#include "workspace/workspace.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLibrary>
#include <QLineEdit>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace Peephole;

namespace {
// libX11 / libXtst, loaded at run time (no development headers needed).
using XDisplay = void;
using XWindow = unsigned long;
struct X11
{
    XDisplay *(*openDisplay)(const char *) = nullptr;
    int (*closeDisplay)(XDisplay *) = nullptr;
    unsigned char (*keysymToKeycode)(XDisplay *, unsigned long) = nullptr;
    unsigned long (*keycodeToKeysym)(XDisplay *, unsigned char, int) = nullptr;
    int (*flush)(XDisplay *) = nullptr;
    int (*sync)(XDisplay *, int) = nullptr;
    int (*queryTree)(XDisplay *, XWindow, XWindow *, XWindow *, XWindow **, unsigned int *) = nullptr;
    XWindow (*defaultRootWindow)(XDisplay *) = nullptr;
    int (*setInputFocus)(XDisplay *, XWindow, int, unsigned long) = nullptr;
    int (*free)(void *) = nullptr;
    int (*getInputFocus)(XDisplay *, XWindow *, int *) = nullptr;
    void *(*setErrorHandler)(int (*)(XDisplay *, void *)) = nullptr;
    int (*fakeKey)(XDisplay *, unsigned int, int, unsigned long) = nullptr;
    QLibrary x11{u"X11"_s, 6};
    QLibrary xtst{u"Xtst"_s, 6};

    bool load(QString *error)
    {
        if (!x11.load() || !xtst.load()) {
            *error = x11.errorString() + u"; "_s + xtst.errorString();
            return false;
        }
        openDisplay = reinterpret_cast<decltype(openDisplay)>(x11.resolve("XOpenDisplay"));
        closeDisplay = reinterpret_cast<decltype(closeDisplay)>(x11.resolve("XCloseDisplay"));
        keysymToKeycode = reinterpret_cast<decltype(keysymToKeycode)>(x11.resolve("XKeysymToKeycode"));
        keycodeToKeysym = reinterpret_cast<decltype(keycodeToKeysym)>(x11.resolve("XKeycodeToKeysym"));
        flush = reinterpret_cast<decltype(flush)>(x11.resolve("XFlush"));
        sync = reinterpret_cast<decltype(sync)>(x11.resolve("XSync"));
        queryTree = reinterpret_cast<decltype(queryTree)>(x11.resolve("XQueryTree"));
        defaultRootWindow = reinterpret_cast<decltype(defaultRootWindow)>(x11.resolve("XDefaultRootWindow"));
        setInputFocus = reinterpret_cast<decltype(setInputFocus)>(x11.resolve("XSetInputFocus"));
        free = reinterpret_cast<decltype(free)>(x11.resolve("XFree"));
        getInputFocus = reinterpret_cast<decltype(getInputFocus)>(x11.resolve("XGetInputFocus"));
        setErrorHandler = reinterpret_cast<decltype(setErrorHandler)>(x11.resolve("XSetErrorHandler"));
        fakeKey = reinterpret_cast<decltype(fakeKey)>(xtst.resolve("XTestFakeKeyEvent"));
        return openDisplay && closeDisplay && keysymToKeycode && keycodeToKeysym && flush && sync &&
               queryTree && defaultRootWindow && setInputFocus && free && fakeKey && getInputFocus &&
               setErrorHandler;
    }

    /// One key press and release of keysym @p sym, with Shift (@p shift) or Control around it.
    void key(XDisplay *d, unsigned long sym, bool shift, bool control = false)
    {
        const unsigned char code = keysymToKeycode(d, sym);
        const unsigned char shiftCode = keysymToKeycode(d, 0xffe1);   // Shift_L
        const unsigned char controlCode = keysymToKeycode(d, 0xffe3); // Control_L
        if (shift)
            fakeKey(d, shiftCode, 1, 0);
        if (control)
            fakeKey(d, controlCode, 1, 0);
        fakeKey(d, code, 1, 0);
        fakeKey(d, code, 0, 0);
        if (control)
            fakeKey(d, controlCode, 0, 0);
        if (shift)
            fakeKey(d, shiftCode, 0, 0);
        sync(d, 0);
    }
    void type(XDisplay *d, const QString &text)
    {
        for (QChar c : text) {
            const unsigned long sym = c.unicode(); // Latin-1 keysyms are the code points
            const unsigned char code = keysymToKeycode(d, sym);
            key(d, sym, keycodeToKeysym(d, code, 0) != sym);
        }
    }
};
} // namespace

class TestAutosaveCrash : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void editsSurviveSigkill();
};

void TestAutosaveCrash::editsSurviveSigkill()
{
    const QString xvfbPath = QStandardPaths::findExecutable(u"Xvfb"_s);
    if (xvfbPath.isEmpty())
        QSKIP("NOT RUN: Xvfb is not installed (scripts/install-deps installs it)");
    X11 x;
    QString error;
    if (!x.load(&error))
        QSKIP(qPrintable(u"NOT RUN: libX11/libXtst could not be loaded: "_s + error));
    const QString app = qEnvironmentVariable("PEEPHOLE_BINARY_DIR") + u"/app/gui/peephole"_s;
    QVERIFY2(QFile::exists(app), qPrintable(app));

    QProcess xvfb;
    xvfb.start(xvfbPath, {u"-displayfd"_s, u"1"_s, u"-screen"_s, u"0"_s, u"1366x768x24"_s, u"-nolisten"_s,
                          u"tcp"_s});
    QVERIFY(xvfb.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(xvfb.canReadLine(), 15000);
    const QString display = u":"_s + QString::fromLatin1(xvfb.readLine().trimmed());

    const QString config = qEnvironmentVariable("XDG_CONFIG_HOME");
    QVERIFY2(!config.isEmpty(), "main() sets a private XDG_CONFIG_HOME");
    QProcess peephole;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"DISPLAY"_s, display);
    env.insert(u"QT_QPA_PLATFORM"_s, u"xcb"_s);
    env.insert(u"XDG_CONFIG_HOME"_s, config);
    peephole.setProcessEnvironment(env);
    peephole.start(app, {});
    QVERIFY(peephole.waitForStarted());

    XDisplay *d = x.openDisplay(display.toLatin1().constData());
    QVERIFY(d);
    // Its window mapped: focus the top-level that accepts the focus (unmapped helpers refuse it).
    x.setErrorHandler([](XDisplay *, void *) { return 0; });
    QTRY_VERIFY_WITH_TIMEOUT(([&] {
                                 XWindow root = 0, parent = 0, *children = nullptr, focus = 0;
                                 unsigned int count = 0;
                                 int revert = 0;
                                 x.queryTree(d, x.defaultRootWindow(d), &root, &parent, &children, &count);
                                 bool focused = false;
                                 for (unsigned int i = count; i > 0 && !focused; --i) {
                                     x.setInputFocus(d, children[i - 1], 2 /*RevertToParent*/, 0);
                                     x.sync(d, 0);
                                     x.getInputFocus(d, &focus, &revert);
                                     focused = focus == children[i - 1];
                                 }
                                 if (children)
                                     x.free(children);
                                 return focused;
                             }()),
                             20000);
    QTest::qWait(1500); // laid out, painted, activated
    x.key(d, 'l', false, true); // Ctrl+L: Focus URL (selects what is there)
    QTest::qWait(200);
    const QString typed = u"http://127.0.0.1:9/crash-test?unsaved=yes"_s;
    x.type(d, typed);

    // The edit reaches the settings a second after typing stops; then the process dies hard.
    const QString file = config + u"/Peephole/peephole.conf"_s;
    QTRY_VERIFY_WITH_TIMEOUT(([&] {
                                 QFile f(file);
                                 return f.open(QIODevice::ReadOnly) && f.readAll().contains("crash-test");
                             }()),
                             15000);
    ::kill(pid_t(peephole.processId()), SIGKILL);
    QVERIFY(peephole.waitForFinished(5000));
    QCOMPARE(peephole.exitStatus(), QProcess::CrashExit);
    x.closeDisplay(d);
    xvfb.kill();
    xvfb.waitForFinished(5000);

    // The next start (same settings): the unsaved URL is back in the composer.
    Workspace workspace(nullptr, QDir(config).filePath(u"accounts.ini"_s));
    MainWindow window(&workspace);
    QCOMPARE(window.composer()->urlEdit()->text(), typed);
}

int main(int argc, char **argv)
{
    // Settings of the crashed process and of the window that restarts: one private place.
    QTemporaryDir config;
    qputenv("XDG_CONFIG_HOME", config.path().toLocal8Bit());
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"peephole"_s);
    QApplication::setOrganizationName(u"Peephole"_s);
    TestAutosaveCrash test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_autosavecrash.moc"
