// The floor for bench/startup/run.sh: a bare Qt 6 QMainWindow with a QTableView, quitting once its
// first paint is handled, exactly as peephole does with PEEPHOLE_QUIT_WHEN_PAINTED.
#include <QApplication>
#include <QHeaderView>
#include <QMainWindow>
#include <QStandardItemModel>
#include <QTableView>
#include <QTimer>

namespace {
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
    QApplication app(argc, argv);
    QMainWindow window;
    auto *model = new QStandardItemModel(20, 8, &window);
    auto *view = new QTableView(&window);
    view->setModel(model);
    window.setCentralWidget(view);
    window.resize(1280, 820);
    window.installEventFilter(new QuitWhenPainted(&window));
    window.show();
    return QApplication::exec();
}
