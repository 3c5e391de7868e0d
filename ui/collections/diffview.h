#pragma once

#include "replay/runsummary.h"

#include <QTextBrowser>

namespace Peephole {

/// Shows how a response differs from the expected one: status, headers, and
/// the body as JSON paths (added / removed / changed), as a +/- line diff for
/// text, or as sizes and SHA-256 for binary bodies. Also shows assertion results.
class DiffView : public QTextBrowser
{
    Q_OBJECT
public:
    explicit DiffView(QWidget *parent = nullptr);

    void showResult(const RequestResult &result);
    void showDiff(const ResponseDiffResult &diff);
    void clearView();

    /// The HTML of @p diff (what the view shows).
    static QString diffHtml(const ResponseDiffResult &diff);
};

} // namespace Peephole
