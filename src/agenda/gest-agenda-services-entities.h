/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The synced entities of the technology sessions (S9) and the test-drive leads (S10): their
 * columns in the order of data/sql/0018-agenda.sql's outbox triggers and the checks of a
 * pulled or pushed change (GestEntityInfo.validate), for the module's get_entities. */
extern const char * const gest_tech_session_columns[];
extern const char * const gest_test_drive_lead_columns[];

char *gest_tech_session_validate    (JsonObject *fields,
                                     gboolean    deleted);
char *gest_test_drive_lead_validate (JsonObject *fields,
                                     gboolean    deleted);

G_END_DECLS
