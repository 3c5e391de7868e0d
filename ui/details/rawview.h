#pragma once

#include <QPlainTextEdit>

namespace Peephole {

struct Exchange;

/// The request and the response heads as on the wire (request line,
/// headers, blank line) followed by a preview of each body.
class RawView : public QPlainTextEdit
{
    Q_OBJECT
public:
    static constexpr qint64 BodyPreviewBytes = 16 * 1024;

    explicit RawView(QWidget *parent = nullptr);

    void setExchange(const Exchange &exchange);
    /// The text for @p exchange, as setExchange() shows it.
    static QString render(const Exchange &exchange);
};

} // namespace Peephole
