/* SPDX-License-Identifier: GPL-3.0-or-later */
/* T2: routing by debt as of the consult date, in the order of the seed (circular 95/2009):
 * debt ≤ $500.00 → Atención a Clientes; debt ≥ 2 installments → Cobranza Extrajudicial;
 * otherwise → Centro de Cobranza Telefónica Temprana. Thresholds come from settings. */
#include "config.h"

#include <locale.h>

#include "gest-error.h"
#include "gest-routing.h"

typedef struct
{
  GestRoutingSettings settings;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  gest_routing_settings_init_defaults (&f->settings);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gest_routing_settings_clear (&f->settings);
}

static void
assert_route (const GestRoutingSettings *settings,
              GestMoney                  debt,
              GestMoney                  installment,
              GestArea                   area,
              const char                *reason)
{
  g_auto(GestRoutingDecision) decision = { 0 };
  g_autoptr(GError) error = NULL;

  g_test_message ("debt %" G_GINT64_FORMAT ", installment %" G_GINT64_FORMAT, debt, installment);
  g_assert_true (gest_routing_decide (debt, installment, settings, &decision, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gest_area_id (decision.area), ==, gest_area_id (area));
  if (reason != NULL)
    g_assert_cmpstr (decision.reason, ==, reason);
  else
    g_assert_nonnull (decision.reason);
}

static void
assert_refused (const GestRoutingSettings *settings,
                GestMoney                  debt,
                GestMoney                  installment,
                const char                *message)
{
  GestRoutingDecision decision = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_false (gest_routing_decide (debt, installment, settings, &decision, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_assert_null (decision.reason);
  if (message != NULL)
    g_assert_cmpstr (error->message, ==, message);
}

/* The seed's values are the defaults. */
static void
test_defaults (Fixture       *f,
               gconstpointer  data)
{
  const GestRoutingSettings *s = &f->settings;

  g_assert_cmpint (s->low_debt_limit, ==, 50000);
  g_assert_cmpuint (s->installments_limit, ==, 2);
  g_assert_cmpstr (s->areas[GEST_AREA_CUSTOMER_SERVICE].name, ==, "Atención a Clientes");
  g_assert_cmpstr (s->areas[GEST_AREA_CUSTOMER_SERVICE].phones, ==, "52 28 70 00 ext. 5000");
  g_assert_cmpstr (s->areas[GEST_AREA_EARLY_COLLECTIONS].name, ==, "Centro de Cobranza Telefónica Temprana");
  g_assert_cmpstr (s->areas[GEST_AREA_EARLY_COLLECTIONS].phones, ==, "52 28 70 00 ext. 3148 y 3183");
  g_assert_cmpstr (s->areas[GEST_AREA_EXTRAJUDICIAL].name, ==, "Cobranza Extrajudicial");
  g_assert_cmpstr (s->areas[GEST_AREA_EXTRAJUDICIAL].phones, ==, "52 28 70 70");
}

static void
test_area_ids (void)
{
  GestArea area;

  g_assert_cmpstr (gest_area_id (GEST_AREA_CUSTOMER_SERVICE), ==, "atencion-clientes");
  g_assert_cmpstr (gest_area_id (GEST_AREA_EARLY_COLLECTIONS), ==, "cobranza-temprana");
  g_assert_cmpstr (gest_area_id (GEST_AREA_EXTRAJUDICIAL), ==, "cobranza-extrajudicial");
  for (guint i = 0; i < GEST_N_AREAS; i++)
    {
      g_assert_true (gest_area_from_id (gest_area_id ((GestArea) i), &area));
      g_assert_cmpint (area, ==, (GestArea) i);
    }
  g_assert_false (gest_area_from_id ("cobranza", &area));
  g_assert_false (gest_area_from_id ("", NULL));
}

static void
test_boundary_exactly_500 (Fixture       *f,
                           gconstpointer  data)
{
  assert_route (&f->settings, 50000, 150000, GEST_AREA_CUSTOMER_SERVICE,
                "Debt of $500.00 ≤ $500.00");
}

static void
test_boundary_above_500 (Fixture       *f,
                         gconstpointer  data)
{
  assert_route (&f->settings, 50001, 150000, GEST_AREA_EARLY_COLLECTIONS,
                "Debt of $500.01 is above $500.00 and below 2 installments of $1,500.00");
}

static void
test_boundary_exactly_2_installments (Fixture       *f,
                                      gconstpointer  data)
{
  assert_route (&f->settings, 300000, 150000, GEST_AREA_EXTRAJUDICIAL,
                "Debt of $3,000.00 ≥ 2 installments of $1,500.00");
  assert_route (&f->settings, 299999, 150000, GEST_AREA_EARLY_COLLECTIONS,
                "Debt of $2,999.99 is above $500.00 and below 2 installments of $1,500.00");
  assert_route (&f->settings, 320000, 150000, GEST_AREA_EXTRAJUDICIAL,
                "Debt of $3,200.00 ≥ 2 installments of $1,500.00");
}

/* The order of T2 matters: two installments of $200.00 are still a debt ≤ $500.00. */
static void
test_2_installments_below_500 (Fixture       *f,
                               gconstpointer  data)
{
  assert_route (&f->settings, 40000, 20000, GEST_AREA_CUSTOMER_SERVICE,
                "Debt of $400.00 ≤ $500.00");
  assert_route (&f->settings, 50000, 10000, GEST_AREA_CUSTOMER_SERVICE,
                "Debt of $500.00 ≤ $500.00");
  /* Just above the limit, many installments: extrajudicial. */
  assert_route (&f->settings, 50001, 10000, GEST_AREA_EXTRAJUDICIAL,
                "Debt of $500.01 ≥ 2 installments of $100.00");
}

static void
test_zero_debt (Fixture       *f,
                gconstpointer  data)
{
  assert_route (&f->settings, 0, 150000, GEST_AREA_CUSTOMER_SERVICE, "Debt of $0.00 ≤ $500.00");
}

static void
test_negative_input (Fixture       *f,
                     gconstpointer  data)
{
  assert_refused (&f->settings, -1, 150000,
                  "The debt cannot be negative (-$0.01). Write what the customer owes as of the consult date, or 0.");
  assert_refused (&f->settings, G_MININT64, 150000, NULL);
  assert_refused (&f->settings, 100000, 0,
                  "The monthly installment must be more than $0.00 (it is $0.00). Write the plan’s installment.");
  assert_refused (&f->settings, 100000, -150000,
                  "The monthly installment must be more than $0.00 (it is -$1,500.00). Write the plan’s installment.");
  /* Checked even when the debt alone would decide. */
  assert_refused (&f->settings, 0, 0, NULL);
}

/* The thresholds are settings, not constants. */
static void
test_settings_change (Fixture       *f,
                      gconstpointer  data)
{
  f->settings.low_debt_limit = 100000;
  f->settings.installments_limit = 3;

  assert_route (&f->settings, 60000, 150000, GEST_AREA_CUSTOMER_SERVICE,
                "Debt of $600.00 ≤ $1,000.00");
  assert_route (&f->settings, 100000, 150000, GEST_AREA_CUSTOMER_SERVICE,
                "Debt of $1,000.00 ≤ $1,000.00");
  assert_route (&f->settings, 300000, 150000, GEST_AREA_EARLY_COLLECTIONS,
                "Debt of $3,000.00 is above $1,000.00 and below 3 installments of $1,500.00");
  assert_route (&f->settings, 450000, 150000, GEST_AREA_EXTRAJUDICIAL,
                "Debt of $4,500.00 ≥ 3 installments of $1,500.00");

  f->settings.installments_limit = 1;
  assert_route (&f->settings, 150000, 150000, GEST_AREA_EXTRAJUDICIAL,
                "Debt of $1,500.00 ≥ 1 installment of $1,500.00");
  assert_route (&f->settings, 149999, 150000, GEST_AREA_EARLY_COLLECTIONS,
                "Debt of $1,499.99 is above $1,000.00 and below 1 installment of $1,500.00");
}

/* Thresholds beyond gint64 (2 × $46 billion billion) are never reached and never wrap
 * around into a small number. */
static void
test_huge_values (Fixture       *f,
                  gconstpointer  data)
{
  assert_route (&f->settings, G_MAXINT64, G_MAXINT64, GEST_AREA_EARLY_COLLECTIONS, NULL);
  /* 2 × 2^62 = 2^63, one more than G_MAXINT64. */
  assert_route (&f->settings, G_MAXINT64, G_MAXINT64 / 2 + 1, GEST_AREA_EARLY_COLLECTIONS, NULL);
  /* 2 × (2^62 - 1) = G_MAXINT64 - 1. */
  assert_route (&f->settings, G_MAXINT64 - 1, G_MAXINT64 / 2, GEST_AREA_EXTRAJUDICIAL, NULL);
  assert_route (&f->settings, G_MAXINT64 - 2, G_MAXINT64 / 2, GEST_AREA_EARLY_COLLECTIONS, NULL);
  /* The product overflows even 64 unsigned bits. */
  f->settings.installments_limit = G_MAXUINT;
  assert_route (&f->settings, G_MAXINT64, G_MAXINT64 / 1000, GEST_AREA_EARLY_COLLECTIONS, NULL);
  f->settings.installments_limit = 1;
  assert_route (&f->settings, G_MAXINT64, G_MAXINT64, GEST_AREA_EXTRAJUDICIAL,
                "Debt of $92,233,720,368,547,758.07 ≥ 1 installment of $92,233,720,368,547,758.07");
}

/* As the debt grows with a fixed installment, the area only moves forward:
 * customer service, then early collections, then extrajudicial, each boundary exactly
 * where T2 puts it. */
static void
test_monotonic (Fixture       *f,
                gconstpointer  data)
{
  static const GestMoney installments[] = { 1, 100, 20000, 25000, 25001, 150000, 999999 };

  for (guint i = 0; i < G_N_ELEMENTS (installments); i++)
    {
      GestMoney inst = installments[i];
      GestMoney top = MAX (3 * inst, 60000);
      GestMoney step = MAX (top / 5000, 1);

      for (GestMoney debt = 0; debt <= top; debt += (debt >= 49990 && debt <= 50010) ? 1 : step)
        {
          g_auto(GestRoutingDecision) d = { 0 };
          GestArea want;

          g_assert_true (gest_routing_decide (debt, inst, &f->settings, &d, NULL));
          if (debt <= 50000)
            want = GEST_AREA_CUSTOMER_SERVICE;
          else if (debt >= 2 * inst)
            want = GEST_AREA_EXTRAJUDICIAL;
          else
            want = GEST_AREA_EARLY_COLLECTIONS;
          g_assert_cmpint (d.area, ==, want);
        }
      /* The extrajudicial boundary itself and one centavo below it. */
      if (2 * inst > 50000)
        {
          assert_route (&f->settings, 2 * inst, inst, GEST_AREA_EXTRAJUDICIAL, NULL);
          assert_route (&f->settings, 2 * inst - 1, inst, GEST_AREA_EARLY_COLLECTIONS, NULL);
        }
    }
}

static void
test_settings_clear (void)
{
  GestRoutingSettings s;

  gest_routing_settings_init_defaults (&s);
  gest_routing_settings_clear (&s);
  for (guint i = 0; i < GEST_N_AREAS; i++)
    {
      g_assert_null (s.areas[i].name);
      g_assert_null (s.areas[i].phones);
    }
  gest_routing_settings_clear (&s);   /* idempotent */
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C", TRUE);
  setlocale (LC_ALL, "C");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/routing/T2/defaults", test_defaults);
  g_test_add_func ("/routing/T2/area-ids", test_area_ids);
  ADD ("/routing/T2/boundary-exactly-500", test_boundary_exactly_500);
  ADD ("/routing/T2/boundary-500.01", test_boundary_above_500);
  ADD ("/routing/T2/boundary-exactly-2-installments", test_boundary_exactly_2_installments);
  ADD ("/routing/T2/2-installments-below-500", test_2_installments_below_500);
  ADD ("/routing/T2/zero-debt", test_zero_debt);
  ADD ("/routing/T2/negative-input-rejected", test_negative_input);
  ADD ("/routing/T2/settings-change", test_settings_change);
  ADD ("/routing/T2/huge-values", test_huge_values);
  ADD ("/routing/T2/monotonic", test_monotonic);
  g_test_add_func ("/routing/T2/settings-clear", test_settings_clear);

#undef ADD

  return g_test_run ();
}
