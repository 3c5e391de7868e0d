#include "composer/bodyeditor.h"

#include "composer/keyvalueeditor.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Peephole {

namespace {
enum Page { NonePage, RawPage, FormPage, MultipartPage, FilePage };

int pageFor(BodyEditor::Mode mode)
{
    switch (mode) {
    case BodyEditor::Mode::None:
        return NonePage;
    case BodyEditor::Mode::Raw:
    case BodyEditor::Mode::Json:
        return RawPage;
    case BodyEditor::Mode::Form:
        return FormPage;
    case BodyEditor::Mode::Multipart:
        return MultipartPage;
    case BodyEditor::Mode::File:
        return FilePage;
    }
    return NonePage;
}
} // namespace

BodyEditor::BodyEditor(QWidget *parent)
    : QWidget(parent), m_mode(new QComboBox(this)), m_pages(new QStackedWidget(this)),
      m_raw(new QPlainTextEdit(this)), m_contentType(new QComboBox(this)),
      m_form(new KeyValueEditor(tr("Field"), {}, this)),
      m_multipart(new KeyValueEditor(tr("Part"), {}, this)), m_file(new QLineEdit(this))
{
    m_mode->addItem(tr("No body"), int(Mode::None));
    m_mode->addItem(tr("Raw"), int(Mode::Raw));
    m_mode->addItem(tr("JSON"), int(Mode::Json));
    m_mode->addItem(tr("Form (urlencoded)"), int(Mode::Form));
    m_mode->addItem(tr("Multipart form"), int(Mode::Multipart));
    m_mode->addItem(tr("File"), int(Mode::File));
    m_mode->setAccessibleName(tr("Body type"));

    auto *none = new QLabel(tr("This request has no body."), this);
    none->setAlignment(Qt::AlignCenter);
    none->setEnabled(false);
    m_pages->addWidget(none);

    auto *rawPage = new QWidget(this);
    auto *rawLayout = new QVBoxLayout(rawPage);
    rawLayout->setContentsMargins(0, 0, 0, 0);
    m_contentType->setEditable(true);
    m_contentType->addItems({u"text/plain"_s, u"application/json"_s, u"application/xml"_s, u"text/html"_s,
                             u"application/x-www-form-urlencoded"_s, u"application/octet-stream"_s});
    auto *typeRow = new QFormLayout;
    typeRow->addRow(tr("Content-Type:"), m_contentType);
    rawLayout->addLayout(typeRow);
    m_raw->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_raw->setPlaceholderText(tr("Request body"));
    rawLayout->addWidget(m_raw);
    m_pages->addWidget(rawPage);

    m_pages->addWidget(m_form);
    m_multipart->view()->setToolTip(tr("A value starting with @ sends that file, e.g. @/home/me/photo.png"));
    m_pages->addWidget(m_multipart);

    auto *filePage = new QWidget(this);
    auto *fileLayout = new QHBoxLayout(filePage);
    m_file->setPlaceholderText(tr("File to send, streamed from disk"));
    auto *browse = new QPushButton(tr("Choose…"), filePage);
    fileLayout->addWidget(m_file);
    fileLayout->addWidget(browse);
    fileLayout->setAlignment(Qt::AlignTop);
    m_pages->addWidget(filePage);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_mode, 0, Qt::AlignLeft);
    layout->addWidget(m_pages, 1);

    connect(m_mode, &QComboBox::currentIndexChanged, this, [this] {
        const Mode mode = this->mode();
        m_pages->setCurrentIndex(pageFor(mode));
        if (mode == Mode::Json)
            m_contentType->setCurrentText(u"application/json"_s);
        Q_EMIT edited();
    });
    connect(browse, &QPushButton::clicked, this, &BodyEditor::browseFile);
    connect(m_raw, &QPlainTextEdit::textChanged, this, &BodyEditor::edited);
    connect(m_file, &QLineEdit::textEdited, this, &BodyEditor::edited);
    connect(m_form->model(), &KeyValueModel::edited, this, &BodyEditor::edited);
    connect(m_multipart->model(), &KeyValueModel::edited, this, &BodyEditor::edited);
}

BodyEditor::Mode BodyEditor::mode() const
{
    return Mode(m_mode->currentData().toInt());
}

void BodyEditor::browseFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Choose the file to send"));
    if (!path.isEmpty()) {
        m_file->setText(path);
        Q_EMIT edited();
    }
}

RequestBody BodyEditor::body() const
{
    RequestBody b;
    switch (mode()) {
    case Mode::None:
        break;
    case Mode::Raw:
    case Mode::Json:
        b.kind = RequestBody::Kind::Raw;
        b.raw = m_raw->toPlainText().toUtf8();
        b.contentType = m_contentType->currentText().toUtf8();
        break;
    case Mode::Form:
        b.kind = RequestBody::Kind::FormUrlEncoded;
        for (const KeyValueModel::Row &r : m_form->model()->rows()) {
            if (r.enabled)
                b.form.append({r.name.toUtf8(), r.value.toUtf8()});
        }
        break;
    case Mode::Multipart:
        b.kind = RequestBody::Kind::Multipart;
        for (const KeyValueModel::Row &r : m_multipart->model()->rows()) {
            if (!r.enabled)
                continue;
            MultipartPart part;
            part.name = r.name.toUtf8();
            if (r.value.startsWith(u'@'))
                part.filePath = r.value.mid(1);
            else
                part.value = r.value.toUtf8();
            b.parts.append(part);
        }
        break;
    case Mode::File:
        b.kind = RequestBody::Kind::File;
        b.filePath = m_file->text();
        break;
    }
    return b;
}

void BodyEditor::setBody(const RequestBody &b)
{
    QSignalBlocker blocker(this);
    Mode mode = Mode::None;
    switch (b.kind) {
    case RequestBody::Kind::None:
        break;
    case RequestBody::Kind::Raw:
        mode = b.contentType.contains("json") ? Mode::Json : Mode::Raw;
        m_raw->setPlainText(QString::fromUtf8(b.raw));
        m_contentType->setCurrentText(QString::fromUtf8(b.contentType));
        break;
    case RequestBody::Kind::FormUrlEncoded: {
        mode = Mode::Form;
        QList<KeyValueModel::Row> rows;
        for (const auto &[name, value] : b.form)
            rows.append({QString::fromUtf8(name), QString::fromUtf8(value), true});
        m_form->model()->setRows(rows);
        break;
    }
    case RequestBody::Kind::Multipart: {
        mode = Mode::Multipart;
        QList<KeyValueModel::Row> rows;
        for (const MultipartPart &p : b.parts)
            rows.append({QString::fromUtf8(p.name),
                         p.filePath.isEmpty() ? QString::fromUtf8(p.value) : u'@' + p.filePath, true});
        m_multipart->model()->setRows(rows);
        break;
    }
    case RequestBody::Kind::File:
        mode = Mode::File;
        m_file->setText(b.filePath);
        break;
    }
    m_mode->setCurrentIndex(m_mode->findData(int(mode)));
    m_pages->setCurrentIndex(pageFor(mode));
}

} // namespace Peephole
