/* core/idcard.c - GB 11643-1999 check characters and parsing. */
#include "idcard.h"

#include "date.h"

#include <string.h>

char idcard_check_char(const char *d)
{
	static const int weight[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
	static const char check[] = "10X98765432";
	int sum = 0;
	for (int i = 0; i < 17; i++)
		sum += (d[i] - '0') * weight[i];
	return check[sum % 11];
}

static bool digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

enum idcard_status idcard_parse(const char *s, struct idcard_info *out)
{
	char n[19];
	size_t len = s ? strlen(s) : 0;
	if (len == 15) {
		if (!digits(s, 15))
			return ID_BAD_CHARS;
		memcpy(n, s, 6);
		memcpy(n + 6, "19", 2);
		memcpy(n + 8, s + 6, 9);
		n[17] = idcard_check_char(n);
	} else if (len == 18) {
		memcpy(n, s, 18);
		if (n[17] == 'x')
			n[17] = 'X';
		if (!digits(n, 17) || !(digits(n + 17, 1) || n[17] == 'X'))
			return ID_BAD_CHARS;
	} else {
		return ID_BAD_LENGTH;
	}
	n[18] = '\0';
	int y = (n[6] - '0') * 1000 + (n[7] - '0') * 100 + (n[8] - '0') * 10 + (n[9] - '0');
	int m = (n[10] - '0') * 10 + (n[11] - '0');
	int d = (n[12] - '0') * 10 + (n[13] - '0');
	if (y < 1800 || !date_valid(y, m, d))
		return ID_BAD_DATE;
	if (idcard_check_char(n) != n[17])
		return ID_BAD_CHECKSUM;
	if (out) {
		memcpy(out->number, n, 19);
		/* The date was checked; copy its digits into ISO form. */
		memcpy(out->birth, n + 6, 4);
		out->birth[4] = '-';
		memcpy(out->birth + 5, n + 10, 2);
		out->birth[7] = '-';
		memcpy(out->birth + 8, n + 12, 2);
		out->birth[10] = '\0';
		out->male = (n[16] - '0') % 2 == 1;
	}
	return ID_OK;
}
