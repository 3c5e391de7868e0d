#include "collections/collectionmodel.h"

#include "collection/collectionstore.h"

#include <QApplication>
#include <QBrush>
#include <QColor>
#include <QFont>
#include <QIcon>
#include <QStyle>

using namespace Qt::StringLiterals;

namespace Peephole {

namespace {
QIcon themed(const QString &name, QStyle::StandardPixmap fallback)
{
    return QIcon::fromTheme(name, QApplication::style()->standardIcon(fallback));
}
} // namespace

CollectionModel::CollectionModel(CollectionStore *store, QObject *parent)
    : QAbstractItemModel(parent), m_store(store)
{
    const auto reset = [this] { reload(); };
    connect(store, &CollectionStore::opened, this, reset);
    connect(store, &CollectionStore::structureChanged, this, reset);
    connect(store, &CollectionStore::fileReloaded, this, reset);
    connect(store, &CollectionStore::fileSaved, this, reset);
    connect(store, &CollectionStore::editsDiscarded, this, reset);
    connect(store, &CollectionStore::requestEdited, this, &CollectionModel::markDirty);
    rebuild();
}

void CollectionModel::reload()
{
    beginResetModel();
    rebuild();
    endResetModel();
}

void CollectionModel::rebuild()
{
    m_nodes.clear();
    m_top.clear();
    if (m_store && !m_store->collection().folders.isEmpty())
        addFolder(0, -1);
}

int CollectionModel::addNode(Node node)
{
    QList<int> &siblings = node.parent < 0 ? m_top : m_nodes[node.parent].children;
    node.row = int(siblings.size());
    const int id = int(m_nodes.size());
    siblings.append(id);
    m_nodes.append(node);
    return id;
}

void CollectionModel::addFolder(int folder, int parentNode)
{
    const Collection &c = m_store->collection();
    const CollectionFolder &f = c.folders.at(folder);
    for (int child : f.folders) {
        const int id = addNode({Kind::Folder, parentNode, 0, child, -1, {}});
        addFolder(child, id);
    }
    for (int fileIndex : f.files) {
        const int fileNode = addNode({Kind::File, parentNode, 0, fileIndex, -1, {}});
        const CollectionFile &file = c.files.at(fileIndex);
        // Requests and the blocks that could not be read, in file order.
        int p = 0;
        for (int r = 0; r < file.requests.size(); ++r) {
            for (; p < file.problems.size() && file.problems.at(p).line < file.requests.at(r).line; ++p)
                addNode({Kind::Problem, fileNode, 0, p, fileIndex, {}});
            addNode({Kind::Request, fileNode, 0, r, fileIndex, {}});
        }
        for (; p < file.problems.size(); ++p)
            addNode({Kind::Problem, fileNode, 0, p, fileIndex, {}});
    }
}

void CollectionModel::markDirty(const RequestRef &ref)
{
    const QModelIndex idx = indexFor(ref);
    if (idx.isValid())
        Q_EMIT dataChanged(idx, idx);
}

bool CollectionModel::refFor(const QModelIndex &index, RequestRef *ref)
{
    if (index.data(KindRole).toInt() != int(Kind::Request))
        return false;
    ref->file = index.data(PathRole).toString();
    ref->index = index.data(RequestIndexRole).toInt();
    return true;
}

QModelIndex CollectionModel::indexFor(const RequestRef &ref) const
{
    if (!m_store)
        return {};
    const int file = m_store->collection().fileIndex(ref.file);
    for (int i = 0; i < m_nodes.size(); ++i) {
        const Node &n = m_nodes.at(i);
        if (n.kind == Kind::Request && n.file == file && n.item == ref.index)
            return createIndex(n.row, 0, quintptr(i));
    }
    return {};
}

QModelIndex CollectionModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column != 0 || row < 0)
        return {};
    const QList<int> &siblings = parent.isValid() ? m_nodes.at(int(parent.internalId())).children : m_top;
    if (row >= siblings.size())
        return {};
    return createIndex(row, 0, quintptr(siblings.at(row)));
}

QModelIndex CollectionModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const int p = m_nodes.at(int(child.internalId())).parent;
    if (p < 0)
        return {};
    return createIndex(m_nodes.at(p).row, 0, quintptr(p));
}

int CollectionModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return int(parent.isValid() ? m_nodes.at(int(parent.internalId())).children.size() : m_top.size());
}

int CollectionModel::columnCount(const QModelIndex &) const
{
    return 1;
}

QVariant CollectionModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !m_store)
        return {};
    const Node &node = m_nodes.at(int(index.internalId()));
    const Collection &c = m_store->collection();
    if (role == KindRole)
        return int(node.kind);
    switch (node.kind) {
    case Kind::Folder: {
        const CollectionFolder &f = c.folders.at(node.item);
        if (role == Qt::DisplayRole)
            return f.name;
        if (role == PathRole)
            return f.path;
        if (role == Qt::DecorationRole)
            return themed(u"folder"_s, QStyle::SP_DirIcon);
        return {};
    }
    case Kind::File: {
        const CollectionFile &f = c.files.at(node.item);
        if (role == Qt::DisplayRole)
            return f.path.section(u'/', -1);
        if (role == PathRole)
            return f.path;
        if (role == Qt::ToolTipRole)
            return f.problems.isEmpty()
                       ? f.path
                       : tr("%1: %n request(s) could not be read", nullptr, int(f.problems.size()))
                             .arg(f.path);
        if (role == Qt::DecorationRole)
            return f.problems.isEmpty() ? themed(u"text-x-generic"_s, QStyle::SP_FileIcon)
                                        : themed(u"dialog-warning"_s, QStyle::SP_MessageBoxWarning);
        return {};
    }
    case Kind::Request:
        return requestData(node, role);
    case Kind::Problem:
        return problemData(node, role);
    }
    return {};
}

QVariant CollectionModel::requestData(const Node &node, int role) const
{
    const CollectionFile &file = m_store->collection().files.at(node.file);
    const CollectionRequest &r = file.requests.at(node.item);
    const RequestRef ref{file.path, node.item};
    switch (role) {
    case Qt::DisplayRole: {
        const QString text = QString::fromLatin1(r.request.method) + u' ' + displayName(r);
        return m_store->isDirty(ref) ? text + u" \u2022"_s : text;
    }
    case Qt::ToolTipRole:
        return m_store->isDirty(ref) ? tr("%1\nUnsaved edits (Ctrl+S saves them)").arg(urlText(r))
                                     : urlText(r);
    case Qt::FontRole:
        if (m_store->isDirty(ref)) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case Qt::DecorationRole:
        return themed(u"network-transmit"_s, QStyle::SP_ArrowRight);
    case PathRole:
        return file.path;
    case RequestIndexRole:
        return node.item;
    case DirtyRole:
        return m_store->isDirty(ref);
    default:
        return {};
    }
}

QVariant CollectionModel::problemData(const Node &node, int role) const
{
    const CollectionFile &file = m_store->collection().files.at(node.file);
    const FileProblem &p = file.problems.at(node.item);
    switch (role) {
    case Qt::DisplayRole:
        return p.line > 0 ? tr("Line %1: %2").arg(p.line).arg(p.message) : p.message;
    case Qt::ToolTipRole:
        return p.line > 0 ? u"%1:%2: %3"_s.arg(file.path).arg(p.line).arg(p.message)
                          : u"%1: %2"_s.arg(file.path, p.message);
    case Qt::ForegroundRole:
        return QBrush(QColor(0xb3, 0x26, 0x1e));
    case Qt::DecorationRole:
        return themed(u"dialog-error"_s, QStyle::SP_MessageBoxCritical);
    case PathRole:
        return file.path;
    default:
        return {};
    }
}

} // namespace Peephole
