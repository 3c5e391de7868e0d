// The JavaScript side of the script API (see scriptapi.h): the objects the JetBrains
// HTTP Client, Postman and httpyac give their scripts, as far as Peephole covers them.
// Anything else a script touches on them throws PeepholeUnsupported, so the request is
// reported as not run instead of passing tests it never ran.
#include "script/scriptapi.h"

using namespace Qt::StringLiterals;

namespace Peephole::ScriptApiDetail {

const QString &prelude()
{
    static const QString code = uR"JS(
(function (input, g) {
"use strict";
var limits = input.limits;
var vars = input.vars;
var out = { tests: [], log: [], logChars: 0, logCut: false };

function Unsupported(what) {
    // Kept: the engine may turn an exception thrown by a Proxy into a TypeError, and a
    // script may catch it; either way the script did not run as written.
    var e = new Error(what + " is not supported by Peephole");
    if (!out.unsupported) { out.unsupported = what; out.unsupportedLine = lineOf(e); }
    e.name = "PeepholeUnsupported";
    e.construct = what;
    return e;
}
function AssertionError(message) {
    var e = new Error(message);
    e.name = "AssertionError";
    return e;
}
// Looked up by JSON.stringify, promises and printers on any object: absent, not unsupported.
var probes = { toJSON: 1, then: 1, inspect: 1, asymmetricMatch: 1, nodeType: 1, "$$typeof": 1 };
function strict(obj, path) {
    return new Proxy(obj, {
        get: function (t, k) {
            if (typeof k === "symbol" || k in t)
                return Reflect.get(t, k, t);
            if (has(probes, k))
                return undefined;
            throw Unsupported(path + "." + String(k));
        }
    });
}
function has(map, k) { return Object.prototype.hasOwnProperty.call(map, k); }
function text(v) {
    if (typeof v === "string") return v;
    if (v === undefined || v === null) return "";
    if (typeof v === "object") { try { return JSON.stringify(v); } catch (e) { return String(v); } }
    return String(v);
}
function show(v) {
    if (typeof v === "string") return "'" + v + "'";
    if (v === undefined) return "undefined";
    if (typeof v === "object" && v !== null) { try { return JSON.stringify(v); } catch (e) { return String(v); } }
    return String(v);
}
function setVar(map, name, value, what) {
    name = String(name);
    var t = text(value);
    if (t.length > limits.value)
        throw new RangeError(what + " \"" + name + "\": " + t.length + " characters; at most " + limits.value);
    if (!has(map, name) && Object.keys(map).length >= limits.vars)
        throw new RangeError(what + ": more than " + limits.vars + " variables");
    map[name] = t;
}
function getVar(map, name) { name = String(name); return has(map, name) ? map[name] : null; }
function lineOf(e) {
    var frames = String(e && e.stack || "").split("\n");
    for (var i = 0; i < frames.length; ++i) {
        var m = /@(.*):(\d+)$/.exec(frames[i].trim());
        if (m && m[1].indexOf(input.prelude) < 0) return Number(m[2]);
    }
    return 0;
}
function log() {
    var parts = [];
    for (var i = 0; i < arguments.length; ++i)
        parts.push(typeof arguments[i] === "string" ? arguments[i] : show(arguments[i]));
    var line = parts.join(" ");
    if (out.logChars + line.length > limits.log) {
        if (!out.logCut) out.log.push("[log cut at " + limits.log + " characters]");
        out.logCut = true;
        return;
    }
    out.logChars += line.length;
    out.log.push(line);
}
function runTest(name, fn, api) {
    if (typeof fn !== "function")
        throw Unsupported(api + "() without a test function (a pending test)");
    if (out.tests.length >= limits.tests)
        throw new RangeError("more than " + limits.tests + " tests");
    var t = { name: String(name), passed: true, message: "", line: 0 };
    out.tests.push(t);
    try {
        fn();
    } catch (e) {
        if (out.unsupported) throw Unsupported(out.unsupported);
        t.passed = false;
        t.message = e && e.message !== undefined ? String(e.message) : String(e);
        t.line = lineOf(e);
    }
}

// Headers and content type of a message.
function headerValues(list, name) {
    var lower = String(name).toLowerCase(), values = [];
    for (var i = 0; i < list.length; ++i)
        if (list[i][0].toLowerCase() === lower) values.push(list[i][1]);
    return values;
}
function contentType(list) {
    var v = headerValues(list, "content-type")[0];
    if (v === undefined) return { mimeType: null, charset: null };
    var parts = v.split(";"), charset = null;
    for (var i = 1; i < parts.length; ++i) {
        var kv = parts[i].split("=");
        if (kv[0].trim().toLowerCase() === "charset" && kv.length > 1) charset = kv[1].trim().replace(/^"|"$/g, "");
    }
    return { mimeType: parts[0].trim().toLowerCase(), charset: charset };
}
function parsedBody(message) {
    var type = contentType(message.headers).mimeType || "";
    if (/[/+]json$/.test(type) || type === "application/json") {
        try { return JSON.parse(message.body); } catch (e) { return message.body; }
    }
    return message.body;
}

// jsonPath(object, "$.a.b[0]") (JetBrains): $, .name, ['name'], [n], [*], .*
function jsonPath(obj, path) {
    path = String(path);
    if (path.charAt(0) !== "$") throw new Error("a JSON path starts with $: " + path);
    var nodes = [obj], i = 1, many = false;
    while (i < path.length) {
        var key, m;
        if (path.charAt(i) === ".") {
            m = /^\.([^.[]*)/.exec(path.slice(i));
            key = m[1]; i += m[0].length;
        } else if (path.charAt(i) === "[") {
            var close = path.indexOf("]", i);
            if (close < 0) throw new Error("unclosed [ in " + path);
            key = path.slice(i + 1, close).trim().replace(/^'(.*)'$|^"(.*)"$/, "$1$2");
            if (/^-?\d+$/.test(key)) key = Number(key);
            i = close + 1;
        } else {
            throw new Error("unexpected " + path.charAt(i) + " in " + path);
        }
        var next = [];
        for (var n = 0; n < nodes.length; ++n) {
            var node = nodes[n];
            if (node === null || typeof node !== "object") continue;
            if (key === "*") {
                many = true;
                var keys = Object.keys(node);
                for (var k = 0; k < keys.length; ++k) next.push(node[keys[k]]);
            } else if (typeof key === "number" && Array.isArray(node)) {
                var at = key < 0 ? node.length + key : key;
                if (at >= 0 && at < node.length) next.push(node[at]);
            } else if (has(node, key)) {
                next.push(node[key]);
            }
        }
        nodes = next;
    }
    return many ? nodes : nodes.length ? nodes[0] : null;
}

// Postman's pm.expect: a subset of Chai's BDD style.
function Assertion(obj, message, isResponse) {
    this._obj = obj; this._msg = message; this._not = false; this._deep = false; this._response = !!isResponse;
}
function wrap(a) { if (!a._proxy) a._proxy = strict(a, "pm.expect(\u2026)"); return a._proxy; }
function deepEqual(a, b) {
    if (a === b) return true;
    if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return a !== a && b !== b;
    if (Array.isArray(a) !== Array.isArray(b)) return false;
    var ka = Object.keys(a), kb = Object.keys(b);
    if (ka.length !== kb.length) return false;
    for (var i = 0; i < ka.length; ++i)
        if (!has(b, ka[i]) || !deepEqual(a[ka[i]], b[ka[i]])) return false;
    return true;
}
function typeName(v) {
    if (v === null) return "null";
    if (Array.isArray(v)) return "array";
    if (v instanceof RegExp) return "regexp";
    if (v instanceof Date) return "date";
    return typeof v;
}
var A = Assertion.prototype;
A._assert = function (ok, positive, negative) {
    if (this._not) ok = !ok;
    if (!ok) throw AssertionError((this._msg ? this._msg + ": " : "") + (this._not ? negative : positive));
    return wrap(this);
};
["to", "be", "been", "is", "that", "which", "and", "has", "have", "with", "at", "of", "same", "does", "still", "also"]
    .forEach(function (w) { Object.defineProperty(A, w, { get: function () { return wrap(this); } }); });
Object.defineProperty(A, "not", { get: function () { this._not = !this._not; return wrap(this); } });
Object.defineProperty(A, "deep", { get: function () { this._deep = true; return wrap(this); } });
var statusClasses = { ok: [200, 200], success: [200, 299], accepted: [202, 202], badRequest: [400, 400],
    unauthorized: [401, 401], forbidden: [403, 403], notFound: [404, 404], rateLimited: [429, 429],
    info: [100, 199], redirection: [300, 399], clientError: [400, 499], serverError: [500, 599] };
Object.keys(statusClasses).forEach(function (name) {
    if (name === "ok") return;
    Object.defineProperty(A, name, { get: function () {
        if (!this._response) throw Unsupported("pm.expect(\u2026)." + name);
        var r = statusClasses[name], code = this._obj.code;
        return this._assert(code >= r[0] && code <= r[1], "expected response to be " + name + " but got " + code,
                            "expected response not to be " + name);
    } });
});
var props = {
    ok: function () {
        if (this._response) {
            var code = this._obj.code;
            return this._assert(code === 200, "expected response code to be 200 but found " + code,
                                "expected response code not to be 200");
        }
        return this._assert(!!this._obj, "expected " + show(this._obj) + " to be truthy", "expected " + show(this._obj) + " to be falsy");
    },
    true: function () { return this._assert(this._obj === true, "expected " + show(this._obj) + " to be true", "expected " + show(this._obj) + " to be false"); },
    false: function () { return this._assert(this._obj === false, "expected " + show(this._obj) + " to be false", "expected " + show(this._obj) + " to be true"); },
    null: function () { return this._assert(this._obj === null, "expected " + show(this._obj) + " to be null", "expected " + show(this._obj) + " not to be null"); },
    undefined: function () { return this._assert(this._obj === undefined, "expected " + show(this._obj) + " to be undefined", "expected " + show(this._obj) + " not to be undefined"); },
    exist: function () { return this._assert(this._obj !== null && this._obj !== undefined, "expected " + show(this._obj) + " to exist", "expected " + show(this._obj) + " to not exist"); },
    empty: function () {
        var v = this._obj, n = typeof v === "string" || Array.isArray(v) ? v.length : (v && typeof v === "object" ? Object.keys(v).length : -1);
        if (n < 0) throw new TypeError(".empty was passed non-string primitive " + show(v));
        return this._assert(n === 0, "expected " + show(v) + " to be empty", "expected " + show(v) + " not to be empty");
    }
};
Object.keys(props).forEach(function (name) { Object.defineProperty(A, name, { get: props[name] }); });
A.equal = A.equals = A.eq = function (v) {
    var ok = this._deep ? deepEqual(this._obj, v) : this._obj === v;
    return this._assert(ok, "expected " + show(this._obj) + " to " + (this._deep ? "deeply " : "") + "equal " + show(v),
                        "expected " + show(this._obj) + " to not " + (this._deep ? "deeply " : "") + "equal " + show(v));
};
A.eql = A.eqls = function (v) {
    return this._assert(deepEqual(this._obj, v), "expected " + show(this._obj) + " to deeply equal " + show(v),
                        "expected " + show(this._obj) + " to not deeply equal " + show(v));
};
A.include = A.includes = A.contain = A.contains = function (v) {
    var o = this._obj, ok, self = this;
    if (typeof o === "string") ok = o.indexOf(String(v)) >= 0;
    else if (Array.isArray(o)) ok = o.some(function (x) { return self._deep ? deepEqual(x, v) : x === v; });
    else if (o !== null && typeof o === "object" && v !== null && typeof v === "object")
        ok = Object.keys(v).every(function (k) { return has(o, k) && (self._deep ? deepEqual(o[k], v[k]) : o[k] === v[k]); });
    else throw new TypeError("the given combination of arguments (" + typeName(o) + " and " + typeName(v) + ") is invalid for include");
    return this._assert(ok, "expected " + show(o) + " to include " + show(v), "expected " + show(o) + " to not include " + show(v));
};
A.property = function (name, value) {
    var o = this._obj, present = o !== null && o !== undefined && (typeof o === "object" || typeof o === "function") && name in o;
    if (arguments.length > 1) {
        var same = present && (this._deep ? deepEqual(o[name], value) : o[name] === value);
        this._assert(same, "expected " + show(o) + " to have property '" + name + "' of " + show(value) + (present ? ", but got " + show(o[name]) : ""),
                     "expected " + show(o) + " to not have property '" + name + "' of " + show(value));
    } else {
        this._assert(present, "expected " + show(o) + " to have property '" + name + "'", "expected " + show(o) + " to not have property '" + name + "'");
    }
    if (this._not) return wrap(this);
    return wrap(new Assertion(o[name], this._msg));
};
A.a = A.an = function (type) {
    var t = typeName(this._obj), want = String(type).toLowerCase();
    return this._assert(t === want, "expected " + show(this._obj) + " to be a" + (/^[aeiou]/.test(want) ? "n " : " ") + want,
                        "expected " + show(this._obj) + " not to be a" + (/^[aeiou]/.test(want) ? "n " : " ") + want);
};
function numeric(self, n, what) {
    if (typeof self._obj !== "number" || typeof n !== "number")
        throw new TypeError("expected " + show(self._obj) + " and " + show(n) + " to be numbers (" + what + ")");
}
A.above = A.gt = A.greaterThan = function (n) {
    numeric(this, n, "above");
    return this._assert(this._obj > n, "expected " + show(this._obj) + " to be above " + n, "expected " + show(this._obj) + " to be at most " + n);
};
A.below = A.lt = A.lessThan = function (n) {
    numeric(this, n, "below");
    return this._assert(this._obj < n, "expected " + show(this._obj) + " to be below " + n, "expected " + show(this._obj) + " to be at least " + n);
};
A.least = A.gte = function (n) {
    numeric(this, n, "least");
    return this._assert(this._obj >= n, "expected " + show(this._obj) + " to be at least " + n, "expected " + show(this._obj) + " to be below " + n);
};
A.most = A.lte = function (n) {
    numeric(this, n, "most");
    return this._assert(this._obj <= n, "expected " + show(this._obj) + " to be at most " + n, "expected " + show(this._obj) + " to be above " + n);
};
A.lengthOf = function (n) {
    var len = this._obj === null || this._obj === undefined ? undefined : this._obj.length;
    return this._assert(len === n, "expected " + show(this._obj) + " to have a length of " + n + " but got " + len,
                        "expected " + show(this._obj) + " to not have a length of " + n);
};
A.match = function (re) {
    return this._assert(re.test(String(this._obj)), "expected " + show(this._obj) + " to match " + re, "expected " + show(this._obj) + " not to match " + re);
};
A.oneOf = function (list) {
    var o = this._obj;
    return this._assert(list.indexOf(o) >= 0, "expected " + show(o) + " to be one of " + show(list), "expected " + show(o) + " to not be one of " + show(list));
};
A.status = function (code) {
    if (!this._response) throw Unsupported("pm.expect(\u2026).status");
    var actual = this._obj.code;
    if (typeof code === "string")
        return this._assert(this._obj.status === code, "expected response to have status reason '" + code + "' but got '" + this._obj.status + "'",
                            "expected response to not have status reason '" + code + "'");
    return this._assert(actual === code, "expected response to have status code " + code + " but got " + actual,
                        "expected response to not have status code " + code);
};
A.header = function (name, value) {
    if (!this._response) throw Unsupported("pm.expect(\u2026).header");
    var v = this._obj.headers.get(name);
    if (arguments.length > 1)
        return this._assert(v === value, "expected response to have header " + name + " with value " + show(value) + " but got " + show(v),
                            "expected response to not have header " + name + " with value " + show(value));
    return this._assert(v !== undefined, "expected response to have header " + name, "expected response to not have header " + name);
};

// The objects scripts see.
var request = input.request, response = input.response;
function requestApi() {
    return strict({
        variables: strict({
            get: function (name) { var v = getVar(vars.request, name); return v !== null ? v : getVar(vars.visible, name); },
            set: function (name, value) { setVar(vars.request, name, value, "request variable"); }
        }, "request.variables"),
        environment: strict({
            get: function (name) { return getVar(vars.environment, name); }
        }, "request.environment")
    }, "request");
}
function clientApi() {
    return strict({
        test: function (name, fn) { runTest(name, fn, "client.test"); },
        assert: function (condition, message) {
            if (!condition) throw AssertionError(message === undefined ? "Assertion failed" : String(message));
        },
        log: log,
        global: strict({
            set: function (name, value) { setVar(vars.globals, name, value, "global variable"); },
            get: function (name) { return getVar(vars.globals, name); },
            isEmpty: function () { return Object.keys(vars.globals).length === 0; },
            clear: function (name) { delete vars.globals[String(name)]; },
            clearAll: function () { Object.keys(vars.globals).forEach(function (k) { delete vars.globals[k]; }); }
        }, "client.global")
    }, "client");
}
function jetbrainsResponse() {
    return strict({
        status: response.status,
        body: parsedBody(response),
        headers: strict({
            valueOf: function (name) { var v = headerValues(response.headers, name); return v.length ? v[0] : null; },
            valuesOf: function (name) { return headerValues(response.headers, name); }
        }, "response.headers"),
        contentType: strict(contentType(response.headers), "response.contentType")
    }, "response");
}
function pmScope(map, name) {
    return strict({
        get: function (k) { k = String(k); return has(map, k) ? map[k] : undefined; },
        set: function (k, v) { setVar(map, k, v, "pm." + name); },
        unset: function (k) { delete map[String(k)]; },
        has: function (k) { return has(map, String(k)); },
        clear: function () { Object.keys(map).forEach(function (k) { delete map[k]; }); },
        toObject: function () { return JSON.parse(JSON.stringify(map)); }
    }, "pm." + name);
}
function pmHeaders(list, path) {
    return strict({
        get: function (name) { var v = headerValues(list, name); return v.length ? v.join(", ") : undefined; },
        has: function (name) { return headerValues(list, name).length > 0; }
    }, path);
}
function pmApi() {
    var pmResponse = null;
    var pm = {
        test: function (name, fn) { runTest(name, fn, "pm.test"); },
        expect: function (value, message) { return wrap(new Assertion(value, message, value === pmResponse)); },
        environment: pmScope(vars.environment, "environment"),
        collectionVariables: pmScope(vars.collection, "collectionVariables"),
        globals: pmScope(vars.globals, "globals"),
        variables: strict({
            get: function (k) {
                k = String(k);
                var scopes = [vars.request, vars.environment, vars.collection, vars.globals, vars.visible];
                for (var i = 0; i < scopes.length; ++i) if (has(scopes[i], k)) return scopes[i][k];
                return undefined;
            },
            set: function (k, v) { setVar(vars.request, k, v, "pm.variables"); },
            unset: function (k) { delete vars.request[String(k)]; },
            has: function (k) {
                k = String(k);
                return [vars.request, vars.environment, vars.collection, vars.globals, vars.visible].some(function (s) { return has(s, k); });
            }
        }, "pm.variables"),
        request: strict({
            url: strict({ toString: function () { return request.url; } }, "pm.request.url"),
            method: request.method,
            headers: pmHeaders(request.headers, "pm.request.headers")
        }, "pm.request")
    };
    if (response) {
        var target = { code: response.status, status: response.reason, headers: pmHeaders(response.headers, "pm.response.headers") };
        Object.defineProperty(target, "to", { get: function () { return wrap(new Assertion(target, undefined, true)).to; } });
        pmResponse = new Proxy(target, {
            get: function (t, k) {
                if (typeof k === "symbol" || k in t) return Reflect.get(t, k, t);
                if (has(probes, k)) return undefined;
                var extra = { responseTime: response.durationMs, json: function () { return JSON.parse(response.body); },
                              text: function () { return response.body; } };
                if (has(extra, k)) return extra[k];
                throw Unsupported("pm.response." + String(k));
            }
        });
        pm.response = pmResponse;
    }
    return strict(pm, "pm");
}
function httpyacResponse() {
    var headers = {};
    for (var i = 0; i < response.headers.length; ++i) {
        var k = response.headers[i][0].toLowerCase();
        headers[k] = has(headers, k) ? headers[k] + ", " + response.headers[i][1] : response.headers[i][1];
    }
    return strict({
        statusCode: response.status, statusMessage: response.reason, headers: headers, body: response.body,
        parsedBody: parsedBody(response), rawBody: response.body, contentType: contentType(response.headers),
        duration: response.durationMs
    }, "response");
}

function unsupportedGlobal(name, what) {
    var f = function () { throw Unsupported(what); };
    g[name] = new Proxy(f, { get: function (t, k) { if (typeof k === "symbol") return undefined; throw Unsupported(what); } });
}
[["require", "require()"], ["setTimeout", "setTimeout()"], ["setInterval", "setInterval()"], ["clearTimeout", "clearTimeout()"],
 ["postman", "the postman object (postman.setNextRequest...)"], ["_", "lodash (_)"], ["CryptoJS", "CryptoJS"],
 ["moment", "moment"], ["tv4", "tv4"], ["cheerio", "cheerio"], ["xml2Json", "xml2Json()"], ["atob", "atob()"],
 ["btoa", "btoa()"], ["fetch", "fetch()"], ["XMLHttpRequest", "XMLHttpRequest"], ["crypto", "crypto"],
 ["$", "$ (httpyac's context object)"], ["exports", "exports"], ["module", "module"]]
    .forEach(function (p) { unsupportedGlobal(p[0], p[1]); });
g.console = strict({ log: log, info: log, warn: log, error: log, debug: log }, "console");
if (input.mode === "httpyac") {
    var names = [vars.visible, vars.environment, vars.globals, vars.request];
    for (var s = 0; s < names.length; ++s)
        Object.keys(names[s]).forEach(function (k) {
            if (/^[A-Za-z_$][\w$]*$/.test(k) && !(k in g)) g[k] = names[s][k];
        });
    if (response) g.response = httpyacResponse();
} else {
    g.client = clientApi();
    g.request = requestApi();
    g.jsonPath = jsonPath;
    if (response) g.response = jetbrainsResponse();
    g.pm = pmApi();
}
g.__peephole = {
    output: function () {
        return JSON.stringify({ tests: out.tests, log: out.log, unsupported: out.unsupported || "", unsupportedLine: out.unsupportedLine || 0,
            vars: { globals: vars.globals, environment: vars.environment, collection: vars.collection, request: vars.request } });
    },
    unsupported: function () { return out.unsupported || ""; },
    unsupportedLine: function () { return out.unsupportedLine || 0; },
    value: function (v) { return v === undefined ? "[]" : JSON.stringify([v === null || typeof v !== "object" ? v : JSON.parse(JSON.stringify(v))]); }
};
})(JSON.parse(__peepholeInput), this);
delete this.__peepholeInput;
)JS"_s;
    return code;
}

} // namespace Peephole::ScriptApiDetail
