/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-store"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-store.h"

/* The T2 routing settings of the dealer (gest-store.h), apart from the connection: whom an
 * early payoff is routed to, and who may change it (GEST_PERMISSION_ROUTING_SETTINGS). */

static gboolean
set_setting_int (GestStore   *self,
                 const char  *key,
                 gint64       value,
                 GError     **error)
{
  char buf[32];

  g_snprintf (buf, sizeof buf, "%" G_GINT64_FORMAT, value);
  return gest_store_set_setting (self, key, buf, error);
}

void
gest_store_load_routing_settings (GestStore           *self,
                                  GestRoutingSettings *out)
{
  g_autofree char *low = NULL;
  g_autofree char *inst = NULL;

  gest_routing_settings_init_defaults (out);

  low = gest_store_get_setting (self, "routing.low-debt-limit");
  inst = gest_store_get_setting (self, "routing.installments-limit");
  if (low != NULL)
    {
      gint64 v = g_ascii_strtoll (low, NULL, 10);
      if (v >= 0)
        out->low_debt_limit = v;
    }
  if (inst != NULL)
    {
      gint64 v = g_ascii_strtoll (inst, NULL, 10);
      if (v >= 1 && v <= 1000)
        out->installments_limit = (guint) v;
    }

  for (guint i = 0; i < GEST_N_AREAS; i++)
    {
      g_autofree char *name_key = g_strdup_printf ("routing.area.%s.name", gest_area_id (i));
      g_autofree char *phones_key = g_strdup_printf ("routing.area.%s.phones", gest_area_id (i));
      char *name = gest_store_get_setting (self, name_key);
      char *phones = gest_store_get_setting (self, phones_key);

      if (name != NULL)
        {
          g_free (out->areas[i].name);
          out->areas[i].name = name;
        }
      if (phones != NULL)
        {
          g_free (out->areas[i].phones);
          out->areas[i].phones = phones;
        }
    }
}

gboolean
gest_store_save_routing_settings (GestStore                 *self,
                                  const GestRoutingSettings *settings,
                                  GError                   **error)
{
  gboolean own = FALSE;

  g_return_val_if_fail (GEST_IS_STORE (self), FALSE);
  g_return_val_if_fail (settings != NULL, FALSE);

  if (settings->low_debt_limit < 0 || settings->installments_limit < 1)
    {
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_INVALID,
                           _("The routing limits must be a debt of $0.00 or more and at least one "
                             "installment."));
      return FALSE;
    }

  if (!gest_store_begin_change (self, "gest_routing_settings", &own, error))
    return FALSE;
  /* Issue 12: the thresholds decide whom a customer is sent to; only the roles of the
   * permissions table may change them, whatever the caller (window, CLI, sync). */
  if (!gest_store_check_permission (self, GEST_PERMISSION_ROUTING_SETTINGS, error))
    goto fail;

  if (!set_setting_int (self, "routing.low-debt-limit", settings->low_debt_limit, error) ||
      !set_setting_int (self, "routing.installments-limit", settings->installments_limit, error))
    goto fail;

  for (guint i = 0; i < GEST_N_AREAS; i++)
    {
      g_autofree char *name_key = g_strdup_printf ("routing.area.%s.name", gest_area_id (i));
      g_autofree char *phones_key = g_strdup_printf ("routing.area.%s.phones", gest_area_id (i));

      if (!gest_store_set_setting (self, name_key, settings->areas[i].name, error) ||
          !gest_store_set_setting (self, phones_key, settings->areas[i].phones, error))
        goto fail;
    }

  return gest_store_end_change (self, "gest_routing_settings", own, TRUE, error);

fail:
  gest_store_end_change (self, "gest_routing_settings", own, FALSE, NULL);
  return FALSE;
}
