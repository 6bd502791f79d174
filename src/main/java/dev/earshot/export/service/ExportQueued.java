package dev.earshot.export.service;

/** Fired when an export is stored; the worker starts it once the transaction has committed. */
public record ExportQueued(long id) {}
