using System.Globalization;
using GridGov.Domain.Security;

namespace GridGov.Domain.Tests.Security;

public class PersonalNumbersTests
{
    private const string CheckAlphabet = "0123456789X";

    /// <summary>
    /// Independent ISO 7064 MOD 11-2 check character (GB 11643-1999): the weight of position i (1-based from the left,
    /// 18 positions in all) is 2^(18-i) mod 11; the check value a18 satisfies sum(ai·Wi) ≡ 1 (mod 11) with W18 = 1,
    /// and the value 10 is written 'X'.
    /// </summary>
    private static char CheckChar(string first17)
    {
        Assert.Equal(17, first17.Length);
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var weight = 1;
            for (var k = 0; k < 17 - i; k++) weight = weight * 2 % 11;
            sum += (first17[i] - '0') * weight;
        }
        var value = ((1 - sum) % 11 + 11) % 11;
        return value == 10 ? 'X' : (char)('0' + value);
    }

    private static string WithCheck(string first17) => first17 + CheckChar(first17);

    [Fact]
    public void The_independent_check_function_matches_the_published_weights_and_table()
    {
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        const string table = "10X98765432";
        var rng = new Random(1999);
        for (var n = 0; n < 500; n++)
        {
            var digits = string.Concat(Enumerable.Range(0, 17).Select(_ => (char)('0' + rng.Next(10))));
            var sum = digits.Select((c, i) => (c - '0') * weights[i]).Sum();
            Assert.Equal(table[sum % 11], CheckChar(digits));
        }
    }

    [Theory]
    [InlineData("11010519491231002X")] // the example in GB 11643-1999 itself
    [InlineData("510104199001011230")]
    [InlineData("440304198511200013")]
    [InlineData("310115197003072419")]
    [InlineData("510104200002290038")] // 29 Feb 2000 (a leap year)
    [InlineData("110101198001010010")]
    [InlineData("510104198706150033")]
    [InlineData("510104198706150041")]
    [InlineData("51010419870615005X")]
    public void Valid_numbers_are_accepted(string id)
    {
        Assert.Equal(id[17], CheckChar(id[..17])); // the examples are themselves consistent
        Assert.Null(PersonalNumbers.IdCardProblem(id));
    }

    [Theory]
    [InlineData("11010519491231002x")]
    [InlineData("51010419870615005x")]
    public void A_lower_case_x_check_character_is_accepted(string id) =>
        Assert.Null(PersonalNumbers.IdCardProblem(id));

    [Fact]
    public void Random_valid_date_numbers_accept_only_their_check_character()
    {
        var rng = new Random(11643);
        var first = new DateOnly(1900, 1, 1).DayNumber;
        var last = new DateOnly(2025, 12, 31).DayNumber;
        for (var n = 0; n < 1000; n++)
        {
            var birth = DateOnly.FromDayNumber(rng.Next(first, last + 1));
            var first17 = rng.Next(110000, 660000).ToString("D6", CultureInfo.InvariantCulture)
                          + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture)
                          + rng.Next(0, 1000).ToString("D3", CultureInfo.InvariantCulture);
            var check = CheckChar(first17);

            Assert.Null(PersonalNumbers.IdCardProblem(first17 + check));
            foreach (var other in CheckAlphabet.Where(c => c != check))
                Assert.NotNull(PersonalNumbers.IdCardProblem(first17 + other));
            if (check == 'X') Assert.Null(PersonalNumbers.IdCardProblem(first17 + 'x'));
            else Assert.NotNull(PersonalNumbers.IdCardProblem(first17 + 'x'));
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("11010519491231002")]   // 17
    [InlineData("11010519491231002X0")] // 19
    [InlineData("110105491231002")]     // first-generation 15-digit number
    [InlineData(" 11010519491231002X")]
    public void Wrong_length_is_rejected_with_a_message(string? id) => AssertRejected(id);

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(10)]
    [InlineData(16)]
    public void A_letter_in_the_first_17_is_rejected_with_a_message(int position)
    {
        var id = "11010519491231002X".ToCharArray();
        id[position] = 'A';
        AssertRejected(new string(id));
    }

    [Fact]
    public void Non_ascii_digits_in_the_first_17_are_rejected() =>
        AssertRejected("１1010519491231002X"); // full-width 1 at position 0

    [Theory]
    [InlineData("19491331")] // month 13
    [InlineData("19490230")] // 30 Feb
    [InlineData("20010229")] // 29 Feb in a common year
    [InlineData("19000229")] // 1900 is not a leap year
    [InlineData("19490001")] // month 0
    [InlineData("19491200")] // day 0
    [InlineData("19490431")] // 31 Apr
    [InlineData("18001231")] // year 1800
    [InlineData("18991231")] // the day before 1900
    [InlineData("00000000")]
    public void An_invalid_birth_date_is_rejected_even_with_a_correct_check_character(string date) =>
        AssertRejected(WithCheck("110105" + date + "002"));

    [Theory]
    [InlineData("19000101")]
    [InlineData("20000229")]
    [InlineData("19491231")]
    public void Boundary_birth_dates_are_accepted(string date) =>
        Assert.Null(PersonalNumbers.IdCardProblem(WithCheck("110105" + date + "002")));

    [Theory]
    [InlineData("13812345678", true)]
    [InlineData("19912345678", true)]
    [InlineData("12812345678", false)]
    [InlineData("10812345678", false)]
    [InlineData("23812345678", false)]
    [InlineData("1381234567", false)]
    [InlineData("138123456789", false)]
    [InlineData("1381234567a", false)]
    [InlineData("+8613812345678", false)]
    [InlineData(" 13812345678", false)]
    [InlineData("13812345678\n", false)]     // $ would have matched before a final newline
    [InlineData("138１２３４５６７８", false)]   // full-width digits (\d matches them)
    [InlineData("138١٢٣٤٥٦٧٨", false)]        // Arabic-Indic digits
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsMobile_accepts_only_mainland_mobile_numbers(string? phone, bool expected) =>
        Assert.Equal(expected, PersonalNumbers.IsMobile(phone));

    [Fact]
    public void MaskPhone_keeps_the_first_3_and_last_4() =>
        Assert.Equal("138****5678", PersonalNumbers.MaskPhone("13812345678"));

    [Fact]
    public void MaskIdCard_keeps_the_first_4_and_last_4_and_hides_the_birth_date()
    {
        var masked = PersonalNumbers.MaskIdCard("11010519491231002X");
        Assert.Equal("1101**********002X", masked);
        Assert.DoesNotContain("19491231", masked);
        Assert.DoesNotContain("1949", masked);
    }

    [Fact]
    public void Masks_never_contain_the_middle_digits()
    {
        var rng = new Random(4);
        var first = new DateOnly(1900, 1, 1).DayNumber;
        var last = new DateOnly(2025, 12, 31).DayNumber;
        for (var n = 0; n < 1000; n++)
        {
            var phone = "1" + (char)('3' + rng.Next(7))
                            + rng.Next(0, 1_000_000_000).ToString("D9", CultureInfo.InvariantCulture);
            Assert.True(PersonalNumbers.IsMobile(phone));
            var maskedPhone = PersonalNumbers.MaskPhone(phone);
            Assert.Equal(phone.Length, maskedPhone.Length);
            Assert.Equal(phone[..3], maskedPhone[..3]);
            Assert.Equal("****", maskedPhone[3..7]);
            Assert.Equal(phone[^4..], maskedPhone[^4..]);

            var birth = DateOnly.FromDayNumber(rng.Next(first, last + 1)).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
            var id = WithCheck(rng.Next(110000, 660000).ToString("D6", CultureInfo.InvariantCulture) + birth
                               + rng.Next(0, 1000).ToString("D3", CultureInfo.InvariantCulture));
            var maskedId = PersonalNumbers.MaskIdCard(id);
            Assert.Equal(18, maskedId.Length);
            Assert.Equal(id[..4], maskedId[..4]);
            Assert.Equal(new string('*', 10), maskedId[4..14]);
            Assert.Equal(id[^4..], maskedId[^4..]);
            Assert.DoesNotContain(birth, maskedId); // only 4-character runs of digits remain
        }
    }

    [Theory]
    [InlineData("13800138000", "138****8000")]
    [InlineData("+86 138-0013-8000", "138****8000")]
    [InlineData("+8613800138000", "138****8000")]
    [InlineData("+86-138 0013 8000", "138****8000")]
    [InlineData("0086 13800138000", "138****8000")]
    [InlineData("008613800138000", "138****8000")]
    [InlineData("8613800138000", "138****8000")]
    [InlineData("138 0013 8000", "138****8000")]
    [InlineData("138-0013-8000", "138****8000")]
    [InlineData("138.0013.8000", "138****8000")]
    [InlineData("１３８００１３８０００", "138****8000")]   // full-width digits, as some input methods type them
    [InlineData("＋８６ １３８－００１３－８０００", "138****8000")]
    [InlineData("电话13800138000，找王师傅", "电话138****8000，找王师傅")]
    [InlineData("tel:13800138000;", "tel:138****8000;")]
    [InlineData("身份证 110101199003074573", "身份证 1101**********4573")]
    [InlineData("身份证号110101199003074573。", "身份证号1101**********4573。")]
    [InlineData("11010119900307109X", "1101**********109X")]
    [InlineData("11010119900307109x", "1101**********109x")]
    [InlineData("110101 19900307 4573", "1101**********4573")]
    [InlineData("１１０１０１１９９００３０７４５７３", "1101**********4573")]
    [InlineData("联系 13800138000 或 13912345678", "联系 138****8000 或 139****5678")]
    [InlineData("+86 138-0013-8000，身份证 110101199003074573",
        "138****8000，身份证 1101**********4573")]
    public void Numbers_in_free_text_are_masked_however_they_are_written(string text, string expected) =>
        Assert.Equal(expected, PersonalNumbers.MaskInText(text));

    [Theory]
    [InlineData("")]
    [InlineData("路边有暴露垃圾，影响通行")]
    [InlineData("2026-12-03 14:30 东门")]
    [InlineData("坐标 104.081234,30.651234")]
    [InlineData("订单号 202612030001234567890")]   // a long run of digits is not a number of a person
    [InlineData("13800138000123")]
    [InlineData("12345678901")]                   // not a mobile prefix
    [InlineData("028-86612345")]                  // a landline
    [InlineData("138****8000")]                   // already masked
    [InlineData("Ｘ光室 ＡＢＣ　楼")]                // full-width letters and spaces are left as they were
    public void Text_without_a_personal_number_is_returned_unchanged(string text) =>
        Assert.Same(text, PersonalNumbers.MaskInText(text));

    [Fact]
    public void Null_stays_null() => Assert.Null(PersonalNumbers.MaskInText(null));

    [Fact]
    public void Masked_text_never_keeps_a_run_of_more_than_four_digits_of_an_embedded_number()
    {
        var rng = new Random(86);
        string[] formats = ["{0}", "+86 {1}-{2}-{3}", "{1} {2} {3}", "0086{0}", "86-{0}", "{1}.{2}.{3}"];
        for (var n = 0; n < 500; n++)
        {
            var phone = "1" + (char)('3' + rng.Next(7)) + rng.Next(0, 1_000_000_000).ToString("D9", CultureInfo.InvariantCulture);
            var id = WithCheck("510104" + DateOnly.FromDayNumber(rng.Next(new DateOnly(1940, 1, 1).DayNumber, new DateOnly(2020, 1, 1).DayNumber))
                .ToString("yyyyMMdd", CultureInfo.InvariantCulture) + rng.Next(0, 1000).ToString("D3", CultureInfo.InvariantCulture));
            var written = string.Format(CultureInfo.InvariantCulture, formats[rng.Next(formats.Length)], phone, phone[..3], phone[3..7], phone[7..]);
            var masked = PersonalNumbers.MaskInText($"请联系{written}，证件{id}谢谢")!;
            Assert.DoesNotMatch(@"[0-9]{5}", masked);
            Assert.Contains(PersonalNumbers.MaskPhone(phone), masked);
            Assert.Contains(PersonalNumbers.MaskIdCard(id), masked);
            Assert.StartsWith("请联系", masked);
            Assert.EndsWith("谢谢", masked);
        }
    }

    private static void AssertRejected(string? id)
    {
        var problem = PersonalNumbers.IdCardProblem(id);
        Assert.NotNull(problem);
        Assert.False(string.IsNullOrWhiteSpace(problem));
    }
}
