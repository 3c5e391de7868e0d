#pragma once

#include <QByteArray>

/// Deterministic content served by DemoApi (same bytes on every run).
namespace Peephole::DemoData {

/// A compact JSON document of about 2 MB: {"generator", "count", "items": [...]} with nested
/// objects, arrays, numbers, booleans, nulls and non-ASCII text. Built once and cached.
QByteArray largeJson();
/// A 256x256 RGBA PNG (a ring on a gradient), built once and cached.
QByteArray png();

} // namespace Peephole::DemoData
