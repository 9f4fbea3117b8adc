/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Issue 12: the customers', vehicles' and plans' values, their checks with the rules of
 * src/core, and their saves: unique RFC (but the generic ones), VIN and plan number, the
 * permission checked where the change is made, and the activity entry on the record. */
#include "config.h"

#include <locale.h>

#include "gest-activity-log.h"
#include "gest-customer-edit.h"
#include "gest-date.h"
#include "gest-plan-edit.h"
#include "gest-states.h"
#include "gest-test-util.h"
#include "gest-user.h"
#include "gest-vehicle-edit.h"
#include "gest-vin.h"

#define RFC_PERSON  "GODE561231GR8"
#define RFC_COMPANY "MAB9307148T4"
#define VIN_A       "1M8GDM9AXKP042788"

typedef struct
{
  char      *dir;
  GestStore *store;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = NULL;

  f->dir = gest_test_tmpdir_new ();
  path = g_build_filename (f->dir, "customers.db", NULL);
  f->store = gest_store_open (path, NULL);
  g_assert_nonnull (f->store);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  gest_test_tmpdir_free (f->dir);
}

static GestCustomerValues *
customer_values (const char *name,
                 const char *rfc)
{
  GestCustomerValues *values = gest_customer_values_new ();

  gest_customer_values_set (values, GEST_CUSTOMER_FIELD_NAME, name);
  gest_customer_values_set (values, GEST_CUSTOMER_FIELD_RFC, rfc);
  gest_customer_values_set (values, GEST_CUSTOMER_FIELD_PHONE_MOBILE, "55 1234 5678");
  gest_customer_values_set (values, GEST_CUSTOMER_FIELD_STATE, "Jalisco");
  gest_customer_values_set (values, GEST_CUSTOMER_FIELD_POSTAL_CODE, "44100");
  return values;
}

static char *
save_customer (GestStore  *store,
               const char *name,
               const char *rfc)
{
  g_autoptr(GestCustomerValues) values = customer_values (name, rfc);
  g_autoptr(GError) error = NULL;
  char *uuid = gest_customer_save (store, values, NULL, &error);

  g_assert_no_error (error);
  return uuid;
}

static void
assert_problem (char       *problem,
                const char *expected)
{
  g_assert_cmpstr (problem, ==, expected);
  g_free (problem);
}

static void
test_customer_checks (void)
{
  g_autoptr(GestCustomerValues) values = customer_values ("Diego González", RFC_PERSON);
  GestCustomerField field;
  g_autoptr(GError) error = NULL;

  g_assert_true (gest_customer_values_validate (values, &field, NULL));
  g_assert_cmpint (field, ==, GEST_N_CUSTOMER_FIELDS);

  gest_customer_values_set (values, GEST_CUSTOMER_FIELD_RFC, "GODE561231GR9");
  assert_problem (gest_customer_field_problem (values, GEST_CUSTOMER_FIELD_RFC),
                  "The check digit of “GODE561231GR9” should be “8”, not “9”. Compare the RFC with the customer’s tax certificate (constancia de situación fiscal).");
  gest_customer_values_set (values, GEST_CUSTOMER_FIELD_RFC, "");
  assert_problem (gest_customer_field_problem (values, GEST_CUSTOMER_FIELD_RFC),
                  "The RFC is empty. Write its 12 characters (company) or 13 (person), like GODE561231GR8.");
  g_assert_false (gest_customer_values_validate (values, &field, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_assert_cmpint (field, ==, GEST_CUSTOMER_FIELD_RFC);
  gest_customer_values_set (values, GEST_CUSTOMER_FIELD_RFC, "xaxx010101000");
  g_assert_null (gest_customer_field_problem (values, GEST_CUSTOMER_FIELD_RFC));

  gest_customer_values_set (values, GEST_CUSTOMER_FIELD_PHONE_HOME, "551234567");
  assert_problem (gest_customer_field_problem (values, GEST_CUSTOMER_FIELD_PHONE_HOME),
                  "“551234567” has 9 digits, and a Mexican phone number has 10, like 55 1234 5678.");
  gest_customer_values_set (values, GEST_CUSTOMER_FIELD_EMAIL, "ana@");
  g_assert_nonnull (gest_customer_field_problem (values, GEST_CUSTOMER_FIELD_EMAIL));

  gest_customer_values_set (values, GEST_CUSTOMER_FIELD_NAME, "  ");
  assert_problem (gest_customer_field_problem (values, GEST_CUSTOMER_FIELD_NAME),
                  "Write the customer’s full name, or the company’s name as on its tax certificate.");
}

static void
test_postal_code_state (void)
{
  g_autoptr(GestCustomerValues) values = customer_values ("Diego González", RFC_PERSON);
  g_autoptr(GError) error = NULL;

  gest_customer_values_set (values, GEST_CUSTOMER_FIELD_POSTAL_CODE, "06600");
  assert_problem (gest_customer_field_problem (values, GEST_CUSTOMER_FIELD_POSTAL_CODE),
                  "The postal code 06600 is not in Jalisco: its postal codes start with 44 to 49. Check the postal code or the state.");
  gest_customer_values_set (values, GEST_CUSTOMER_FIELD_STATE, "CDMX");
  g_assert_null (gest_customer_field_problem (values, GEST_CUSTOMER_FIELD_POSTAL_CODE));
  gest_customer_values_set (values, GEST_CUSTOMER_FIELD_POSTAL_CODE, "6600");
  assert_problem (gest_customer_field_problem (values, GEST_CUSTOMER_FIELD_POSTAL_CODE),
                  "“6600” is not a postal code: write its 5 digits, like 06600.");
  gest_customer_values_set (values, GEST_CUSTOMER_FIELD_STATE, "Narnia");
  assert_problem (gest_customer_field_problem (values, GEST_CUSTOMER_FIELD_STATE),
                  "“Narnia” is not one of the 32 Mexican states. Choose the state from the list.");

  /* The boundaries of a range, and a one-prefix state. */
  g_assert_true (gest_state_postal_code_check ("JAL", "44000", NULL));
  g_assert_true (gest_state_postal_code_check ("JAL", "49999", NULL));
  g_assert_false (gest_state_postal_code_check ("JAL", "50000", NULL));
  g_assert_true (gest_state_postal_code_check ("Nuevo León", "64000", NULL));
  g_assert_false (gest_state_postal_code_check ("QRO", "77500", &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "The postal code 77500 is not in Querétaro: its postal codes start with 76. Check the postal code or the state.");
}

static void
test_customer_save (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *uuid = NULL;
  g_autofree char *again = NULL;
  g_autoptr(GestCustomerValues) loaded = NULL;
  g_autoptr(GestCustomerValues) twin = customer_values ("Diego G.", "gode-561231-gr8");
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GError) error = NULL;
  GestCustomerField field;

  uuid = save_customer (f->store, "Diego González", RFC_PERSON);
  loaded = gest_customer_load (f->store, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gest_customer_values_get (loaded, GEST_CUSTOMER_FIELD_PHONE_MOBILE), ==, "5512345678");
  g_assert_cmpstr (gest_customer_values_get (loaded, GEST_CUSTOMER_FIELD_STATE), ==, "JAL");
  log = gest_activity_log_list (f->store, uuid, NULL);
  g_assert_cmpuint (log->len, ==, 1);
  g_assert_cmpstr (((GestActivityEntry *) log->pdata[0])->text, ==,
                   "Customer created: Diego González, RFC GODE561231GR8.");

  /* The same RFC, typed otherwise, for another customer. */
  g_assert_null (gest_customer_save (f->store, twin, &field, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_REFUSED);
  g_assert_cmpstr (error->message, ==,
                   "The RFC GODE561231GR8 is already the RFC of Diego González. Open that customer instead, or merge the two customers if they are the same person.");
  g_assert_cmpint (field, ==, GEST_CUSTOMER_FIELD_RFC);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM customers"), ==, 1);
  g_clear_error (&error);

  /* The generic RFC is everybody's. */
  g_free (save_customer (f->store, "Público en general", "XAXX010101000"));
  g_free (save_customer (f->store, "Otro público", "XAXX010101000"));

  /* An edit logs which fields changed; an edit of a stale version is a conflict. */
  gest_customer_values_set (loaded, GEST_CUSTOMER_FIELD_EMAIL, "Diego@Example.com");
  again = gest_customer_save (f->store, loaded, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again, ==, uuid);
  g_clear_pointer (&log, g_ptr_array_unref);
  log = gest_activity_log_list (f->store, uuid, NULL);
  g_assert_cmpuint (log->len, ==, 2);
  g_assert_cmpstr (((GestActivityEntry *) log->pdata[1])->text, ==, "Customer data changed: e-mail.");
  g_assert_null (gest_customer_save (f->store, loaded, NULL, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_CONFLICT);
}

static void
test_vehicle_save (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *owner = save_customer (f->store, "Diego González", RFC_PERSON);
  g_autoptr(GestVehicleValues) values = gest_vehicle_values_new (owner);
  g_autofree char *uuid = NULL;
  g_autoptr(GError) error = NULL;
  GestVehicleField field;

  gest_vehicle_values_set (values, GEST_VEHICLE_FIELD_VIN, "1M8GDM9A1KP042788");
  gest_vehicle_values_set (values, GEST_VEHICLE_FIELD_MODEL, "Aveo LS");
  gest_vehicle_values_set (values, GEST_VEHICLE_FIELD_YEAR, "2022");
  gest_vehicle_values_set (values, GEST_VEHICLE_FIELD_KM, "12,500");
  assert_problem (gest_vehicle_field_problem (values, GEST_VEHICLE_FIELD_VIN),
                  "The check digit of “1M8GDM9A1KP042788” (position 9) should be “X”, not “1”. Compare the VIN with the vehicle’s invoice.");
  g_assert_null (gest_vehicle_save (f->store, values, &field, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_assert_cmpint (field, ==, GEST_VEHICLE_FIELD_VIN);
  g_clear_error (&error);

  gest_vehicle_values_set (values, GEST_VEHICLE_FIELD_VIN, VIN_A);
  gest_vehicle_values_set (values, GEST_VEHICLE_FIELD_YEAR, "1949");
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *expected = g_strdup_printf ("“1949” is not a model year: write the 4 digits, from 1950 to %d.",
                                                 g_date_time_get_year (now) + 1);

    assert_problem (gest_vehicle_field_problem (values, GEST_VEHICLE_FIELD_YEAR), expected);
  }
  gest_vehicle_values_set (values, GEST_VEHICLE_FIELD_YEAR, "2022");

  uuid = gest_vehicle_save (f->store, values, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT km FROM vehicles"), ==, 12500);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM activity WHERE text = "
                                                  "'Vehicle registered: Aveo LS, VIN 1M8GDM9AXKP042788.'"), ==, 1);

  /* The same VIN again. */
  g_assert_null (gest_vehicle_save (f->store, values, &field, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_REFUSED);
  g_assert_cmpstr (error->message, ==,
                   "The VIN 1M8GDM9AXKP042788 is already registered, for Diego González. Check the VIN against the invoice; if the car changed owner, edit that vehicle.");
  g_assert_cmpint (field, ==, GEST_VEHICLE_FIELD_VIN);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM vehicles"), ==, 1);
}

static GestPlanValues *
plan_values (const char *customer,
             const char *vehicle,
             const char *number)
{
  GestPlanValues *values = gest_plan_values_new (customer);

  values->vehicle_uuid = g_strdup (vehicle);
  g_free (values->number);
  values->number = g_strdup (number);
  values->installment = 345600;
  values->balance = 10488000;
  values->overdue = 691200;
  values->life_insurance = 12000;
  g_date_set_dmy (&values->as_of, 1, 11, 2026);
  return values;
}

static void
test_plan_checks (void)
{
  g_autoptr(GestPlanValues) values = plan_values ("c", NULL, "1042-070");
  GDate today;

  g_date_set_dmy (&today, 6, 12, 2026);
  for (guint i = 0; i < GEST_N_PLAN_FIELDS; i++)
    g_assert_null (gest_plan_field_problem (values, i, &today));
  values->overdue = values->balance + 1;
  assert_problem (gest_plan_field_problem (values, GEST_PLAN_FIELD_OVERDUE, &today),
                  "The overdue amount ($104,880.01) cannot be more than the balance ($104,880.00). Check both on Conauto’s statement.");
  values->installment = 0;
  assert_problem (gest_plan_field_problem (values, GEST_PLAN_FIELD_INSTALLMENT, &today),
                  "Write the monthly installment, more than $0.00, as on Conauto’s statement.");
  g_date_set_dmy (&values->as_of, 7, 12, 2026);
  assert_problem (gest_plan_field_problem (values, GEST_PLAN_FIELD_AS_OF, &today),
                  "The figures cannot be as of 07/12/2026, a date still to come. Write the date of Conauto’s statement.");
  g_free (values->number);
  values->number = g_strdup ("A-12");
  assert_problem (gest_plan_field_problem (values, GEST_PLAN_FIELD_NUMBER, &today),
                  "“A-12” is not a plan number: write it as on Conauto’s statement, digits and dashes, like 1042-070.");
}

static void
test_plan_save (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *owner = save_customer (f->store, "Diego González", RFC_PERSON);
  g_autofree char *other = save_customer (f->store, "Materiales Bajío", RFC_COMPANY);
  g_autoptr(GestVehicleValues) vehicle = gest_vehicle_values_new (other);
  g_autofree char *vehicle_uuid = NULL;
  g_autofree char *uuid = NULL;
  g_autoptr(GestPlanValues) values = NULL;
  g_autoptr(GError) error = NULL;
  GestPlanField field;

  gest_vehicle_values_set (vehicle, GEST_VEHICLE_FIELD_VIN, VIN_A);
  gest_vehicle_values_set (vehicle, GEST_VEHICLE_FIELD_MODEL, "Aveo LS");
  vehicle_uuid = gest_vehicle_save (f->store, vehicle, NULL, &error);
  g_assert_no_error (error);

  /* Another customer's vehicle. */
  values = plan_values (owner, vehicle_uuid, "1042-070");
  g_assert_null (gest_plan_save (f->store, values, &field, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_REFUSED);
  g_assert_cmpstr (error->message, ==,
                   "The vehicle is not the customer’s: choose one of the customer’s vehicles, or register the vehicle first.");
  g_assert_cmpint (field, ==, GEST_PLAN_FIELD_VEHICLE);
  g_clear_error (&error);

  g_free (values->customer_uuid);
  values->customer_uuid = g_strdup (other);
  uuid = gest_plan_save (f->store, values, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT balance FROM plans"), ==, 10488000);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM activity WHERE text = "
                                                  "'Plan 1042-070 registered: balance $104,880.00 as of 2026-11-01.'"), ==, 1);

  /* The same number for another plan. */
  g_clear_pointer (&values->vehicle_uuid, g_free);
  g_assert_null (gest_plan_save (f->store, values, &field, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_REFUSED);
  g_assert_cmpstr (error->message, ==,
                   "The plan number 1042-070 is already registered, for Materiales Bajío. Check the number on Conauto’s statement.");
  g_assert_cmpint (field, ==, GEST_PLAN_FIELD_NUMBER);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM plans"), ==, 1);
}

/* Once the database has users, the role of the one signed in decides, in the save itself. */
static void
test_permissions (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *owner = NULL;
  g_autoptr(GestPlanValues) values = NULL;
  g_autoptr(GestCustomerValues) customer = customer_values ("Materiales Bajío", RFC_COMPANY);
  g_autoptr(GError) error = NULL;

  gest_test_sign_in (f->store, GEST_ROLE_SERVICE_ADVISOR);
  owner = save_customer (f->store, "Diego González", RFC_PERSON);
  values = plan_values (owner, NULL, "1042-070");
  g_assert_null (gest_plan_save (f->store, values, NULL, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_PERMISSION);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM plans"), ==, 0);
  g_clear_error (&error);

  gest_test_sign_in (f->store, GEST_ROLE_FINANCE_MANAGER);
  g_free (gest_plan_save (f->store, values, NULL, &error));
  g_assert_no_error (error);

  gest_store_set_user (f->store, NULL);
  g_assert_null (gest_customer_save (f->store, customer, NULL, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_PERMISSION);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM customers"), ==, 1);
}

/* The async save runs on the writer thread as the user of the store it was asked on. */
static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GestCustomerValues) values = customer_values ("Diego González", RFC_PERSON);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  GestCustomerField field;

  gest_test_sign_in (f->store, GEST_ROLE_SERVICE_ADVISOR);
  gest_customer_values_set (values, GEST_CUSTOMER_FIELD_PHONE_WORK, "123");
  gest_customer_save_async (f->store, values, NULL, gest_test_result_cb, &result);
  WAIT_UNTIL (result != NULL);
  g_assert_null (gest_customer_save_finish (f->store, result, &field, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_assert_cmpint (field, ==, GEST_CUSTOMER_FIELD_PHONE_WORK);
  g_clear_error (&error);
  g_clear_object (&result);

  gest_customer_values_set (values, GEST_CUSTOMER_FIELD_PHONE_WORK, "");
  gest_customer_save_async (f->store, values, NULL, gest_test_result_cb, &result);
  WAIT_UNTIL (result != NULL);
  uuid = gest_customer_save_finish (f->store, result, &field, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM activity WHERE user_name = 'Test service-advisor'"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/customers/checks", test_customer_checks);
  g_test_add_func ("/customers/postal-code-of-state", test_postal_code_state);
  g_test_add_func ("/plans/checks", test_plan_checks);
  g_test_add ("/customers/save-unique-rfc", Fixture, NULL, fixture_setup, test_customer_save, fixture_teardown);
  g_test_add ("/vehicles/save-unique-vin", Fixture, NULL, fixture_setup, test_vehicle_save, fixture_teardown);
  g_test_add ("/plans/save-unique-number", Fixture, NULL, fixture_setup, test_plan_save, fixture_teardown);
  g_test_add ("/plans/permission-advisor-refused", Fixture, NULL, fixture_setup, test_permissions, fixture_teardown);
  g_test_add ("/customers/save-async", Fixture, NULL, fixture_setup, test_async, fixture_teardown);

  return g_test_run ();
}
