#pragma once

#include "http/requestspec.h"

#include <QWidget>

class QComboBox;
class QLineEdit;
class QPlainTextEdit;
class QStackedWidget;

namespace Peephole {

class KeyValueEditor;

/// The Body tab: none, raw text with a content type, JSON, form-urlencoded,
/// multipart (fields and files) or a file streamed from disk.
class BodyEditor : public QWidget
{
    Q_OBJECT
public:
    enum class Mode { None, Raw, Json, Form, Multipart, File };

    explicit BodyEditor(QWidget *parent = nullptr);

    RequestBody body() const;
    void setBody(const RequestBody &body);
    Mode mode() const;

Q_SIGNALS:
    void edited();

private:
    void browseFile();

    QComboBox *m_mode;
    QStackedWidget *m_pages;
    QPlainTextEdit *m_raw;
    QComboBox *m_contentType;
    KeyValueEditor *m_form;
    KeyValueEditor *m_multipart;
    QLineEdit *m_file;
};

} // namespace Peephole
