/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-complaint-sla-stub"

#include "config.h"

#include "gest-complaint-sla.h"

/* TEMPORARY (issue 13): a no-op until the "sla" branch lands with the real clock
 * (gest-complaint-sla.c); this file is deleted when it is merged. */
gboolean
gest_complaint_sla_update (GestStore  *store,
                           const char *uuid,
                           gint64      now,
                           GError    **error)
{
  return TRUE;
}
