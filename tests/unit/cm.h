/* tests/unit/cm.h - what every cmocka test includes. */
#ifndef JUWEI_TEST_CM_H
#define JUWEI_TEST_CM_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#endif
