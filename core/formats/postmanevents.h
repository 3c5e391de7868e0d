#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

namespace Peephole::PostmanEvents {

/// The Postman "event" list that checks Peephole's assertions ("status == 200", "header
/// content-type contains json", "body $.id exists", "duration < 500"...) in Postman and newman:
/// one pm.test per assertion, named by it, with the same subjects, operators and comparisons
/// as core/replay/assertions (numbers compared as numbers, "quotes" removed, {{variables}} in
/// the expected value replaced with pm.variables.replaceIn). Empty when there is none.
QJsonArray testEvents(const QStringList &assertions);
/// The "event" list of a request: @p preRequest as a "prerequest" script, @p test and then the
/// assertions (testEvents()) as the "test" script; empty when there is nothing.
QJsonArray events(const QString &preRequest, const QString &test, const QStringList &assertions);

/// The Postman "url" object of @p url as written (raw, protocol, host, port, path, query), with
/// {{variables}} kept; Postman and newman read every part from it.
QJsonObject urlObject(const QString &url);

} // namespace Peephole::PostmanEvents
