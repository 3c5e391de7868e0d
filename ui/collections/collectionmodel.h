#pragma once

#include "collection/collection.h"

#include <QAbstractItemModel>
#include <QPointer>

namespace Peephole {

class CollectionStore;

/// The tree of an open collection: folders, .http files, their requests, and
/// one red item per request that could not be parsed (file:line and reason).
/// Requests with unsaved edits are shown in italics with a bullet.
class CollectionModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum class Kind { Folder, File, Request, Problem };
    enum Role {
        KindRole = Qt::UserRole + 1, ///< int(Kind)
        PathRole,                    ///< Folder path or file path (relative, '/' separated)
        RequestIndexRole,            ///< Index of the request in its file (Request items)
        DirtyRole,                   ///< bool: the request has unsaved edits
    };

    explicit CollectionModel(CollectionStore *store, QObject *parent = nullptr);

    /// Rebuilds the tree from the store (after a synchronous CollectionStore::open(); openAsync() needs no
    /// call).
    void reload();
    /// The request an item stands for; false for other items.
    static bool refFor(const QModelIndex &index, RequestRef *ref);
    QModelIndex indexFor(const RequestRef &ref) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    struct Node
    {
        Kind kind = Kind::Folder;
        int parent = -1; ///< Node index, -1 for top-level items.
        int row = 0;
        int item = 0;  ///< Folder index, file index, request index or problem index.
        int file = -1; ///< File index for Request and Problem nodes.
        QList<int> children;
    };

    void rebuild();
    void addFolder(int folder, int parentNode);
    int addNode(Node node);
    void markDirty(const RequestRef &ref);
    QVariant requestData(const Node &node, int role) const;
    QVariant problemData(const Node &node, int role) const;

    QPointer<CollectionStore> m_store;
    QList<Node> m_nodes;
    QList<int> m_top; ///< Top-level nodes (children of the root folder).
};

} // namespace Peephole
