//! C passes what C can: 200 and 2 for a `bool`, 7 for an enum, 0 for a `NonZeroU32`,
//! NULL for a reference and a callback, `{30000, 65535}` for a `#[validated]`
//! reading (by value and inside a slice), bytes that are not UTF-8. Each arrives as
//! a typed error in Rust (printed by C through `pt_last_error`), never as UB: the
//! C program is built by gcc and by clang with AddressSanitizer and UBSan, and any
//! report fails the test.

mod common;

const PROGRAM: &str = r#"#include <stdio.h>
#include "from_c.h"

static uint32_t twice(uint32_t value) { return value * 2; }

static void report(const char *call, int32_t result) {
    char message[256];
    if (result < 0) {
        pt_last_error(message, sizeof message);
        printf("%s = %d: %s\n", call, (int)result, message);
    } else {
        printf("%s = %d\n", call, (int)result);
    }
}

int main(void) {
    report("pt_set_enabled(1)", pt_set_enabled(1));
    report("pt_set_enabled(2)", pt_set_enabled(2));
    report("pt_set_enabled(200)", pt_set_enabled(200));
    report("pt_set_mode(2)", pt_set_mode(2));
    report("pt_set_mode(7)", pt_set_mode(7));
    report("pt_set_mode(200)", pt_set_mode(200));
    report("pt_reserve(5)", pt_reserve(5));
    report("pt_reserve(0)", pt_reserve(0));
    uint32_t forty_two = 42;
    report("pt_read(&42)", pt_read(&forty_two));
    report("pt_read(NULL)", pt_read(NULL));
    report("pt_call(twice, 21)", pt_call(twice, 21));
    report("pt_call(NULL, 21)", pt_call(NULL, 21));
    Reading good = { 215, 400 };
    Reading bad = { 30000, 65535 };
    report("gw_submit({215, 400})", gw_submit(good));
    report("gw_submit({30000, 65535})", gw_submit(bad));
    Reading readings[3] = { { 215, 400 }, { -400, 0 }, { 30000, 65535 } };
    FfiSlice_Reading first_two = { readings, 2 };
    FfiSlice_Reading all = { readings, 3 };
    FfiSlice_Reading null_with_length = { NULL, 3 };
    report("gw_submit_all(first two)", gw_submit_all(first_two));
    report("gw_submit_all(all three)", gw_submit_all(all));
    report("gw_submit_all(NULL, 3)", gw_submit_all(null_with_length));
    const uint8_t text[] = { 'h', 0xc3, 0xa9, 'l', 'l', 'o' };
    const uint8_t broken[] = { 'o', 'k', 0xff };
    FfiStr label = { text, sizeof text };
    FfiStr invalid = { broken, sizeof broken };
    report("pt_label_chars(\"héllo\")", pt_label_chars(label));
    report("pt_label_chars(\"ok\\xff\")", pt_label_chars(invalid));
    return 0;
}
"#;

const EXPECTED: &str = "\
pt_set_enabled(1) = 1
pt_set_enabled(2) = -1: 2 is not a valid `bool`
pt_set_enabled(200) = -1: 200 is not a valid `bool`
pt_set_mode(2) = 2
pt_set_mode(7) = -1: 7 is not a valid `Mode`
pt_set_mode(200) = -1: 200 is not a valid `Mode`
pt_reserve(5) = 5
pt_reserve(0) = -1: 0 is not a valid `NonZeroU32`
pt_read(&42) = 42
pt_read(NULL) = -1: NULL where a `&u32` was expected
pt_call(twice, 21) = 42
pt_call(NULL, 21) = -1: NULL where a callback was expected
gw_submit({215, 400}) = 215
gw_submit({30000, 65535}) = -1: `Reading` breaks its rules:
temp_dc: must be between -400 and 1250
humidity_pm: must be between 0 and 1000
gw_submit_all(first two) = 2
gw_submit_all(all three) = -1: element 2: `Reading` breaks its rules:
temp_dc: must be between -400 and 1250
humidity_pm: must be between 0 and 1000
gw_submit_all(NULL, 3) = -1: null pointer with length 3
pt_label_chars(\"héllo\") = 5
pt_label_chars(\"ok\\xff\") = -1: string is not valid UTF-8 (valid up to byte 2)
";

#[test]
fn invalid_values_from_c_are_typed_errors_under_asan_and_ubsan() {
    let header = palisade_ffi_tests::from_c::header();
    for compiler in ["gcc", "clang"] {
        let printed = common::build_and_run(
            compiler,
            "from-c",
            "from_c.h",
            &header,
            PROGRAM,
            &[
                "-fsanitize=address,undefined",
                "-fno-omit-frame-pointer",
                "-g",
            ],
        );
        assert_eq!(printed, EXPECTED, "built with {compiler}");
    }
}
