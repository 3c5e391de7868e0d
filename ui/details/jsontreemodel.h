#pragma once

#include "details/jsonkeyorder.h"

#include <QAbstractItemModel>
#include <QJsonDocument>
#include <QJsonValue>

#include <memory>
#include <vector>

namespace Peephole {

/// A collapsible tree over a parsed JSON document. Nodes are built lazily:
/// the children of an object or array are created the first time a view
/// asks for one of them (i.e. when it is expanded), so opening a large
/// document costs only its top level.
class JsonTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { KeyColumn, ValueColumn, TypeColumn, ColumnCount };
    enum Role { PathRole = Qt::UserRole + 1 }; ///< QString: JSONPath-like path, e.g. $.items[3].name

    explicit JsonTreeModel(QObject *parent = nullptr);
    ~JsonTreeModel() override;

    /// @p order: the keys of each object as the document wrote them (scanJsonKeyOrder); without it,
    /// QJsonObject's sorted order.
    void setDocument(const QJsonDocument &document, const JsonKeyOrder &order = {});
    void clear();

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// How many nodes exist so far (for checking laziness).
    qsizetype builtNodeCount() const { return m_built; }

private:
    struct Node
    {
        QString key; ///< Object key, or empty for array elements
        QJsonValue value;
        Node *parent = nullptr;
        int row = 0;
        bool populated = false;
        QString place; ///< jsonChildKey() path, for the key order
        std::vector<std::unique_ptr<Node>> children;
    };
    Node *nodeOf(const QModelIndex &index) const;
    void populate(Node *node) const;
    static int childCount(const Node *node);
    QString pathOf(const Node *node) const;

    std::unique_ptr<Node> m_root;
    JsonKeyOrder m_order;
    mutable qsizetype m_built = 0;
};

} // namespace Peephole
