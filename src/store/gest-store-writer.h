/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-store.h"

G_BEGIN_DECLS

/* The writer of a GestStore: one thread with its own connection to the store's file, on which
 * the saves of the UI run one after the other (see gest_store_write_async()). Private to
 * the store; nothing else includes this. */
typedef struct _GestStoreWriter GestStoreWriter;

GestStoreWriter *gest_store_writer_new  (const char      *path);
/* Waits for a save still running on the writer's thread (none is queued: each holds a
 * reference to the store) and closes the writer's connection. */
void             gest_store_writer_free (GestStoreWriter *writer);

G_END_DECLS
