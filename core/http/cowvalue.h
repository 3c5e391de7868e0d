#pragma once

#include <QSharedData>
#include <QSharedDataPointer>

#include <utility>

namespace Peephole {

/// A value of type T that costs one pointer while it is unset, for the parts
/// of a record that nearly every record leaves empty (Exchange::auth, ::tls):
/// 100,000 exchanges then do not carry 100,000 empty AuthRecords.
///
/// Value semantics, copy-on-write: copies share the payload until one of them
/// is changed through edit() or an assignment, which gives that copy its own.
/// Reading an unset value yields a shared, default-constructed T.
///   e.auth->rejected              read (const, never allocates)
///   e.auth.edit().rejected = true write (allocates or detaches first)
///   e.auth = record               replace (assigning an empty list or string unsets)
template <typename T> class CowValue
{
public:
    CowValue() = default;
    CowValue(const T &value) { *this = value; }       // NOLINT: implicit, like assigning a T
    CowValue(T &&value) { *this = std::move(value); } // NOLINT

    /// Assigning an empty list or string (anything whose isEmpty() is true) unsets.
    CowValue &operator=(const T &value)
    {
        if (isEmptyValue(value))
            m_d.reset();
        else
            m_d = new Payload(value);
        return *this;
    }
    CowValue &operator=(T &&value)
    {
        if (isEmptyValue(value))
            m_d.reset();
        else
            m_d = new Payload(std::move(value));
        return *this;
    }

    const T &get() const { return m_d ? m_d->value : empty(); }
    const T &operator*() const { return get(); }
    const T *operator->() const { return &get(); }

    /// The value for writing: allocated when unset, detached when shared.
    T &edit()
    {
        if (!m_d)
            m_d = new Payload;
        return m_d->value; // non-const access detaches
    }

    /// False while no value was ever assigned or edited (reads give T{}).
    bool isSet() const { return m_d.constData() != nullptr; }
    /// Back to unset (reads give T{}), freeing the payload if this was the last copy.
    void reset() { m_d.reset(); }

private:
    struct Payload : QSharedData
    {
        Payload() = default;
        explicit Payload(const T &v) : value(v) {}
        explicit Payload(T &&v) : value(std::move(v)) {}
        T value;
    };

    static bool isEmptyValue(const T &value)
    {
        if constexpr (requires { value.isEmpty(); })
            return value.isEmpty();
        else
            return false;
    }

    static const T &empty()
    {
        static const T e{};
        return e;
    }

    QSharedDataPointer<Payload> m_d;
};

} // namespace Peephole
