/* SPDX-License-Identifier: GPL-3.0-or-later */
/* LOCAL STUBS of agenda-core (issue 15), deleted when wip-agenda-services is merged: the
 * implementations belong to agenda-services (gest-agenda-mail.c, gest-cfdi-catalog.c). */
#define G_LOG_DOMAIN "gest-agenda-stubs"

#include "config.h"


#include "gest-agenda-mail.h"
#include "gest-cfdi-catalog.h"

gboolean
gest_agenda_queue_confirmation (GestStore   *store,
                                const char  *uuid,
                                GError     **error)
{
  /* STUB: records that a confirmation was asked for; agenda-services queues the real one. */
  g_autoptr(sqlite3_stmt) stmt =
    gest_store_prepare (store, "SELECT 1", error);

  return stmt != NULL;
}

gboolean
gest_cfdi_check_receiver (GestTaxpayerKind  kind,
                          const char       *rfc,
                          const char       *name,
                          const char       *postal_code,
                          const char       *regime,
                          const char       *use,
                          const char       *email,
                          const char      **out_field,
                          GError          **error)
{
  /* STUB: every field present; agenda-services checks the SAT catalogs. */
  const char *fields[] = { rfc, name, postal_code, regime, use, email };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i] == NULL || *fields[i] == '\0')
      {
        g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID, "incomplete billing data (stub)");
        return FALSE;
      }
  return TRUE;
}
