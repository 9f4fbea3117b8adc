/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-store.h"
#include "gest-store-writer.h"

G_BEGIN_DECLS

/* The store's writer, created with the store's first save. */
GestStoreWriter *gest_store_get_writer (GestStore *self);

G_END_DECLS
