/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gest-store.h"

G_BEGIN_DECLS

/* The Gestiona application: parses --db, opens the store (showing the error in a dialog when
 * it cannot, e.g. a database made by a newer Gestiona), and owns the app.* actions. */
#define GEST_TYPE_APPLICATION (gest_application_get_type ())
G_DECLARE_FINAL_TYPE (GestApplication, gest_application, GEST, APPLICATION, AdwApplication)

GestApplication *gest_application_new       (void);
/* The database file given with --db, or gest_store_default_path(). */
const char      *gest_application_get_path  (GestApplication *self);
/* NULL until the store opened (or when it failed to). */
GestStore       *gest_application_get_store (GestApplication *self);

G_END_DECLS
