#include "collections/messagebar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Peephole {

MessageBar::MessageBar(QWidget *parent)
    : QFrame(parent), m_label(new QLabel(this)), m_first(new QPushButton(this)),
      m_second(new QPushButton(this))
{
    setObjectName(u"messageBar"_s);
    setFrameShape(QFrame::StyledPanel);
    setStyleSheet(u"#messageBar { background: #fff4ce; border: 1px solid #e0c060; }"_s);
    m_label->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_label);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_first);
    buttons->addWidget(m_second);
    layout->addLayout(buttons);
    connect(m_first, &QPushButton::clicked, this, [this] {
        hide();
        Q_EMIT firstClicked();
    });
    connect(m_second, &QPushButton::clicked, this, [this] {
        hide();
        Q_EMIT secondClicked();
    });
    hide();
}

void MessageBar::showMessage(const QString &message, const QString &first, const QString &second)
{
    m_label->setText(message);
    m_first->setText(first);
    m_second->setText(second);
    m_second->setVisible(!second.isEmpty());
    show();
}

QString MessageBar::text() const
{
    return m_label->text();
}

} // namespace Peephole
