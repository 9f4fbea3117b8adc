/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-routing"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-error.h"
#include "gest-routing.h"

/* Area ids are stable: they are stored in settings and printed by gestiona-cli. */
static const char * const area_ids[GEST_N_AREAS] = {
  [GEST_AREA_CUSTOMER_SERVICE] = "atencion-clientes",
  [GEST_AREA_EARLY_COLLECTIONS] = "cobranza-temprana",
  [GEST_AREA_EXTRAJUDICIAL] = "cobranza-extrajudicial",
};

/* The seed's areas (Conauto, circular 95/2009). These are proper names of Conauto's
 * departments, kept in Spanish in every language: they come from settings, not gettext. */
static const struct
{
  const char *name;
  const char *phones;
} default_areas[GEST_N_AREAS] = {
  [GEST_AREA_CUSTOMER_SERVICE] = { "Atención a Clientes", "52 28 70 00 ext. 5000" },
  [GEST_AREA_EARLY_COLLECTIONS] = { "Centro de Cobranza Telefónica Temprana",
                                    "52 28 70 00 ext. 3148 y 3183" },
  [GEST_AREA_EXTRAJUDICIAL] = { "Cobranza Extrajudicial", "52 28 70 70" },
};

#define DEFAULT_LOW_DEBT_LIMIT     50000   /* $500.00 */
#define DEFAULT_INSTALLMENTS_LIMIT 2

void
gest_routing_settings_init_defaults (GestRoutingSettings *settings)
{
  g_return_if_fail (settings != NULL);

  settings->low_debt_limit = DEFAULT_LOW_DEBT_LIMIT;
  settings->installments_limit = DEFAULT_INSTALLMENTS_LIMIT;
  for (guint i = 0; i < GEST_N_AREAS; i++)
    {
      settings->areas[i].name = g_strdup (default_areas[i].name);
      settings->areas[i].phones = g_strdup (default_areas[i].phones);
    }
}

void
gest_routing_settings_clear (GestRoutingSettings *settings)
{
  g_return_if_fail (settings != NULL);

  for (guint i = 0; i < GEST_N_AREAS; i++)
    {
      g_clear_pointer (&settings->areas[i].name, g_free);
      g_clear_pointer (&settings->areas[i].phones, g_free);
    }
}

const char *
gest_area_id (GestArea area)
{
  g_return_val_if_fail (area < GEST_N_AREAS, NULL);

  return area_ids[area];
}

gboolean
gest_area_from_id (const char *id,
                   GestArea   *out)
{
  g_return_val_if_fail (id != NULL, FALSE);

  for (guint i = 0; i < GEST_N_AREAS; i++)
    {
      if (g_str_equal (id, area_ids[i]))
        {
          if (out != NULL)
            *out = (GestArea) i;
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
gest_routing_decide (GestMoney                  debt,
                     GestMoney                  installment,
                     const GestRoutingSettings *settings,
                     GestRoutingDecision       *out,
                     GError                   **error)
{
  g_autofree char *debt_s = NULL;
  g_autofree char *installment_s = NULL;
  guint64 threshold = 0;
  gboolean threshold_fits;
  guint n = settings != NULL ? settings->installments_limit : 0;

  g_return_val_if_fail (settings != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  out->area = GEST_AREA_CUSTOMER_SERVICE;
  out->reason = NULL;

  debt_s = gest_money_format (debt);
  installment_s = gest_money_format (installment);

  if (debt < 0)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("The debt cannot be negative (%s). Write what the customer owes as of the consult date, or 0."),
                   debt_s);
      return FALSE;
    }
  if (installment <= 0)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("The monthly installment must be more than $0.00 (it is %s). Write the plan’s installment."),
                   installment_s);
      return FALSE;
    }

  /* T2, in its order: a small debt goes to customer service even when it amounts to
   * several (small) installments. */
  if (debt <= settings->low_debt_limit)
    {
      g_autofree char *limit_s = gest_money_format (settings->low_debt_limit);

      out->area = GEST_AREA_CUSTOMER_SERVICE;
      out->reason = g_strdup_printf (_("Debt of %s ≤ %s"), debt_s, limit_s);
      return TRUE;
    }

  /* A threshold beyond gint64 can never be reached. */
  threshold_fits = g_uint64_checked_mul (&threshold, (guint64) installment, n);
  if (threshold_fits && (guint64) debt >= threshold)
    {
      out->area = GEST_AREA_EXTRAJUDICIAL;
      out->reason = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "Debt of %s ≥ %u installment of %s",
                                                  "Debt of %s ≥ %u installments of %s",
                                                  n),
                                     debt_s, n, installment_s);
      return TRUE;
    }

  {
    g_autofree char *limit_s = gest_money_format (settings->low_debt_limit);

    out->area = GEST_AREA_EARLY_COLLECTIONS;
    out->reason = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "Debt of %s is above %s and below %u installment of %s",
                                                "Debt of %s is above %s and below %u installments of %s",
                                                n),
                                   debt_s, limit_s, n, installment_s);
  }
  return TRUE;
}

void
gest_routing_decision_clear (GestRoutingDecision *decision)
{
  g_return_if_fail (decision != NULL);

  g_clear_pointer (&decision->reason, g_free);
}
