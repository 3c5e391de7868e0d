#pragma once

#include "details/bodyjobs.h"

#include <QFutureWatcher>
#include <QWidget>

#include <memory>

class QAbstractButton;
class QButtonGroup;
class QLabel;
class QPushButton;
class QScrollArea;
class QStackedWidget;
class QSyntaxHighlighter;
class QTimer;
class QTreeView;

namespace Peephole {

class BodyStore;
class FindBar;
class HexView;
class JsonTreeModel;
class PagedTextView;

/// Shows one body in the mode the user picks: Pretty (JSON reindented off
/// the GUI thread; XML/HTML highlighted), Raw (paged text), Hex, Image and
/// Tree (collapsible JSON). Bodies larger than largeBodyThreshold() open at
/// once in Raw or Hex; "Format anyway" formats them in the worker.
class BodyView : public QWidget
{
    Q_OBJECT
public:
    enum class Mode { Pretty, Raw, Hex, Image, Tree };
    Q_ENUM(Mode)

    static constexpr qint64 DefaultLargeBodyThreshold = 8 * 1024 * 1024;
    static constexpr qint64 DefaultTreeSizeCap = 32 * 1024 * 1024;
    static constexpr qint64 DefaultImageSizeCap = 64 * 1024 * 1024;
    /// Pretty text up to this size is one page.
    static constexpr qint64 PrettySinglePageLimit = 256 * 1024;

    explicit BodyView(QWidget *parent = nullptr);
    ~BodyView() override;

    /// Shows @p body (may be null or still growing) of type @p mimeType ("application/json").
    void setBody(std::shared_ptr<BodyStore> body, const QByteArray &mimeType);
    void clear();
    std::shared_ptr<BodyStore> body() const { return m_body; }
    BodyKind kind() const { return m_kind; }

    Mode mode() const { return m_mode; }
    /// Switches mode; a job of the mode left behind is cancelled. False if unavailable.
    bool setMode(Mode mode);
    bool isModeAvailable(Mode mode) const;

    void setLargeBodyThreshold(qint64 bytes) { m_largeThreshold = bytes; }
    qint64 largeBodyThreshold() const { return m_largeThreshold; }
    void setTreeSizeCap(qint64 bytes) { m_treeCap = bytes; }
    qint64 treeSizeCap() const { return m_treeCap; }

    bool isLarge() const;
    /// Formats a large body in the worker and shows it in Pretty mode.
    void formatAnyway();
    /// True while a worker job (format, parse, decode) runs for the current mode.
    bool isBusy() const;

    /// The banner text (why a body opened unformatted, a syntax error...), empty if hidden.
    QString notice() const;
    /// The Pretty view's text and the Raw view's text (current page).
    QString prettyText() const;
    QString rawText() const;
    PagedTextView *prettyView() const { return m_pretty; }
    PagedTextView *rawView() const { return m_raw; }
    HexView *hexView() const { return m_hex; }
    QTreeView *treeView() const { return m_tree; }
    JsonTreeModel *treeModel() const { return m_treeModel; }
    /// Find in the body (Ctrl+F): shows the find bar over the Pretty or Raw text (switching to Raw
    /// from Hex, Image or Tree).
    void openFind();
    FindBar *findBar() const { return m_find; }
    /// "640 × 480 px · PNG · 12 KB" once an image is decoded.
    QString imageInfo() const;
    QSize imageSize() const { return m_imageSize; }

Q_SIGNALS:
    void modeChanged(Peephole::BodyView::Mode mode);
    /// A worker result (pretty text, tree, image) is now shown.
    void jobFinished(Peephole::BodyView::Mode mode);

private:
    void updateButtons();
    void showMode();
    void showBusy(const QString &text);
    void setNotice(const QString &text, bool offerFormat);
    void startFormat();
    void startTree();
    void startImage();
    void cancelJobs(Mode keep);
    void onFormatted();
    void onParsed();
    void onDecoded();
    void attachHighlighter(BodyKind kind);
    void pollGrowing();
    void updateFindTarget();

    std::shared_ptr<BodyStore> m_body;
    QByteArray m_mimeType;
    BodyKind m_kind = BodyKind::Empty;
    Mode m_mode = Mode::Raw;
    qint64 m_largeThreshold = DefaultLargeBodyThreshold;
    qint64 m_treeCap = DefaultTreeSizeCap;
    bool m_formatAllowed = false;
    bool m_prettyReady = false;
    bool m_treeReady = false;
    bool m_imageReady = false;
    QSize m_imageSize;
    QString m_imageInfo;

    QButtonGroup *m_modes = nullptr;
    QLabel *m_sizeLabel = nullptr;
    QWidget *m_banner = nullptr;
    QLabel *m_bannerText = nullptr;
    QPushButton *m_formatButton = nullptr;
    QStackedWidget *m_stack = nullptr;
    FindBar *m_find = nullptr;
    PagedTextView *m_pretty = nullptr;
    PagedTextView *m_raw = nullptr;
    HexView *m_hex = nullptr;
    QScrollArea *m_imageArea = nullptr;
    QLabel *m_image = nullptr;
    QLabel *m_imageLabel = nullptr;
    QWidget *m_imagePage = nullptr;
    QTreeView *m_tree = nullptr;
    JsonTreeModel *m_treeModel = nullptr;
    QWidget *m_busyPage = nullptr;
    QLabel *m_busyLabel = nullptr;
    QSyntaxHighlighter *m_highlighter = nullptr;
    QTimer *m_growTimer = nullptr;

    QFutureWatcher<FormatResult> m_formatWatcher;
    QFutureWatcher<TreeResult> m_treeWatcher;
    QFutureWatcher<ImageResult> m_imageWatcher;
};

} // namespace Peephole
