<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>QObject</name>
    <message>
        <location filename="../../core/http/bodystore.cpp" line="+24"/>
        <source>Cannot write the response body to %1: %2</source>
        <translation>Der Antwortinhalt konnte nicht nach %1 geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Cannot create a temporary file for a large body in %1: %2</source>
        <translation>Für einen großen Inhalt konnte in %1 keine temporäre Datei angelegt werden: %2</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Cannot write body data to %1: %2</source>
        <translation>Inhaltsdaten konnten nicht nach %1 geschrieben werden: %2</translation>
    </message>
</context>
</TS>
