/* The C side of the round-trip test: takes and returns palisade-described structs
 * by value and by pointer. */
#include "ffi_types.h"

/* By value in, by value out: every field changed in a way the test can predict. */
Reading reading_scaled(Reading reading, double factor) {
    reading.padded.tag += 1;
    reading.padded.value *= 2;
    reading.padded.flag = !reading.padded.flag;
    for (uint32_t i = 0; i < reading.samples.count && i < 8; i++) {
        reading.samples.values[i] = (int16_t)(reading.samples.values[i] * 2);
    }
    reading.temperature = reading.temperature * factor;
    reading.unit = reading.unit == Unit_Metric ? Unit_Imperial : Unit_Metric;
    return reading;
}

/* By pointer: fills `out` from `in`, returns the sum of the samples. */
int32_t reading_copy(const Reading *in, Reading *out) {
    *out = *in;
    int32_t sum = 0;
    for (uint32_t i = 0; i < in->samples.count && i < 8; i++) {
        sum += in->samples.values[i];
    }
    return sum;
}

/* A raw integer that is not a `Unit`, as C code may produce. */
Unit unit_from_c(uint16_t raw) {
    return (Unit)raw;
}

/* Calls back into Rust through a struct of pointers. */
int32_t pointers_call(const Pointers *pointers, int32_t argument) {
    int32_t total = pointers->callback ? pointers->callback(argument) : -1;
    if (pointers->samples) {
        total += (int32_t)pointers->samples->count;
    }
    return total;
}
