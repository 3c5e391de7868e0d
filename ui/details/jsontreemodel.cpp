#include "details/jsontreemodel.h"

#include <QFont>
#include <QFontDatabase>
#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Peephole {

JsonTreeModel::JsonTreeModel(QObject *parent) : QAbstractItemModel(parent) {}

JsonTreeModel::~JsonTreeModel() = default;

void JsonTreeModel::setDocument(const QJsonDocument &document, const JsonKeyOrder &order)
{
    beginResetModel();
    m_order = order;
    m_root = std::make_unique<Node>();
    m_root->value = document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
    m_built = 0;
    endResetModel();
}

void JsonTreeModel::clear()
{
    beginResetModel();
    m_root.reset();
    m_built = 0;
    endResetModel();
}

JsonTreeModel::Node *JsonTreeModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

int JsonTreeModel::childCount(const Node *node)
{
    if (!node)
        return 0;
    if (node->value.isObject())
        return int(node->value.toObject().size());
    if (node->value.isArray())
        return int(node->value.toArray().size());
    return 0;
}

void JsonTreeModel::populate(Node *node) const
{
    if (!node || node->populated)
        return;
    node->populated = true;
    int row = 0;
    if (node->value.isObject()) {
        const QJsonObject object = node->value.toObject();
        node->children.reserve(size_t(object.size()));
        // The document's order; keys it does not list (no order given) in QJsonObject's.
        QStringList keys = m_order.value(node->place);
        if (keys.size() != object.size()) {
            for (auto it = object.begin(); it != object.end(); ++it) {
                if (!keys.contains(it.key()))
                    keys.append(it.key());
            }
        }
        for (const QString &key : std::as_const(keys)) {
            const auto it = object.constFind(key);
            if (it == object.constEnd())
                continue;
            auto child = std::make_unique<Node>();
            child->key = key;
            child->value = it.value();
            child->parent = node;
            child->row = row++;
            child->place = jsonChildKey(node->place, key);
            node->children.push_back(std::move(child));
        }
    } else if (node->value.isArray()) {
        const QJsonArray array = node->value.toArray();
        node->children.reserve(size_t(array.size()));
        for (const QJsonValue &v : array) {
            auto child = std::make_unique<Node>();
            child->value = v;
            child->parent = node;
            child->place = jsonChildKey(node->place, row);
            child->row = row++;
            node->children.push_back(std::move(child));
        }
    }
    m_built += row;
}

QModelIndex JsonTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!m_root || column < 0 || column >= ColumnCount || row < 0)
        return {};
    Node *p = nodeOf(parent);
    if (row >= childCount(p))
        return {};
    populate(p);
    return createIndex(row, column, p->children[size_t(row)].get());
}

QModelIndex JsonTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const Node *node = nodeOf(child);
    Node *p = node->parent;
    if (!p || p == m_root.get())
        return {};
    return createIndex(p->row, 0, p);
}

int JsonTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!m_root || parent.column() > 0)
        return 0;
    return childCount(nodeOf(parent));
}

int JsonTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool JsonTreeModel::hasChildren(const QModelIndex &parent) const
{
    return rowCount(parent) > 0;
}

QString JsonTreeModel::pathOf(const Node *node) const
{
    QStringList parts;
    for (const Node *n = node; n && n != m_root.get(); n = n->parent) {
        if (n->parent && n->parent->value.isArray())
            parts.prepend(u'[' + QString::number(n->row) + u']');
        else
            parts.prepend(u'.' + n->key);
    }
    return u'$' + parts.join(QString());
}

QVariant JsonTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Node *node = nodeOf(index);
    const QJsonValue &v = node->value;
    if (role == PathRole)
        return pathOf(node);
    if (role == Qt::FontRole && index.column() == ValueColumn)
        return QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case KeyColumn:
        if (node->parent && node->parent->value.isArray())
            return QString(u'[' + QString::number(node->row) + u']');
        return node->key;
    case ValueColumn:
        switch (v.type()) {
        case QJsonValue::Object:
            return tr("{%n key(s)}", nullptr, int(v.toObject().size()));
        case QJsonValue::Array:
            return tr("[%n item(s)]", nullptr, int(v.toArray().size()));
        case QJsonValue::String: {
            QString s = v.toString();
            if (role == Qt::DisplayRole && s.size() > 500)
                s = s.left(500) + u'…';
            return QString(u'"' + s + u'"');
        }
        case QJsonValue::Double:
            return v.toVariant().toString();
        case QJsonValue::Bool:
            return v.toBool() ? u"true"_s : u"false"_s;
        case QJsonValue::Null:
            return u"null"_s;
        case QJsonValue::Undefined:
            return {};
        }
        return {};
    case TypeColumn:
        switch (v.type()) {
        case QJsonValue::Object:
            return tr("object");
        case QJsonValue::Array:
            return tr("array");
        case QJsonValue::String:
            return tr("string");
        case QJsonValue::Double:
            return tr("number");
        case QJsonValue::Bool:
            return tr("boolean");
        case QJsonValue::Null:
            return tr("null");
        case QJsonValue::Undefined:
            return {};
        }
        return {};
    default:
        return {};
    }
}

QVariant JsonTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case KeyColumn:
        return tr("Key");
    case ValueColumn:
        return tr("Value");
    case TypeColumn:
        return tr("Type");
    default:
        return {};
    }
}

} // namespace Peephole
