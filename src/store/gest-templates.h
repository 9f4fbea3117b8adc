/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gest-store.h"
#include "gest-template.h"

G_BEGIN_DECLS

/* The templates table (data/sql/0012-templates.sql; synced as the shared entity "template"):
 * the dealer's texts of each registered kind (gest_template_kinds_add()). Saving checks the
 * permission of the template's kind, the name and body, and every placeholder of the subject
 * and body against the kind (gest_template_check()); each change is logged on the template
 * (activity, record_uuid = the template's uuid). Blocking: inside the caller's transaction
 * when there is one (the writer thread, the CLI). */

typedef struct
{
  char   *uuid;
  char   *kind;
  char   *name;
  char   *subject;
  char   *body;
  gint64  updated_at;
} GestTemplateRecord;

void                gest_template_record_free (GestTemplateRecord *record);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestTemplateRecord, gest_template_record_free)

/* The live templates of @kind by name: a GPtrArray of GestTemplateRecord (free func set). */
GPtrArray          *gest_templates_list   (GestStore                *store,
                                           const char               *kind,
                                           GError                  **error);
/* GEST_ERROR_NOT_FOUND when there is none (or it was deleted). */
GestTemplateRecord *gest_templates_get    (GestStore                *store,
                                           const char               *uuid,
                                           GError                  **error);
/* Inserts @record (uuid NULL: a new one, its uuid in @out_uuid) or updates it. Refusals:
 * GEST_ERROR_PERMISSION, GEST_ERROR_INVALID (no name, no body, a bad or unknown placeholder,
 * an unknown kind), GEST_ERROR_NOT_FOUND. */
gboolean            gest_templates_save   (GestStore                *store,
                                           const GestTemplateRecord *record,
                                           char                    **out_uuid,
                                           GError                  **error);
gboolean            gest_templates_delete (GestStore                *store,
                                           const char               *uuid,
                                           GError                  **error);

/* gest_templates_save() on the store's writer thread; finish() gives the uuid. */
void                gest_templates_save_async  (GestStore                *store,
                                                const GestTemplateRecord *record,
                                                GCancellable             *cancellable,
                                                GAsyncReadyCallback       callback,
                                                gpointer                  user_data);
char               *gest_templates_save_finish (GestStore                *store,
                                                GAsyncResult             *result,
                                                GError                  **error);

G_END_DECLS
