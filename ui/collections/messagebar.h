#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace Peephole {

/// A non-modal bar with a message and two buttons (a conflict, a recovery offer).
class MessageBar : public QFrame
{
    Q_OBJECT
public:
    explicit MessageBar(QWidget *parent = nullptr);

    /// Shows @p message with the buttons' texts; hides the second button when its text is empty.
    void showMessage(const QString &message, const QString &first, const QString &second);
    QString text() const;
    QPushButton *firstButton() const { return m_first; }
    QPushButton *secondButton() const { return m_second; }

Q_SIGNALS:
    void firstClicked();
    void secondClicked();

private:
    QLabel *m_label;
    QPushButton *m_first;
    QPushButton *m_second;
};

} // namespace Peephole
