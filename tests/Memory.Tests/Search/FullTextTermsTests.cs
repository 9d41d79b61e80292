using ChatCouncil.Memory.Search;

namespace ChatCouncil.Memory.Tests.Search;

public sealed class FullTextTermsTests
{
    [Fact]
    public void From_Question_KeepsContentWordsLowerCasedOnce()
    {
        Assert.Equal(["restart", "billing", "worker", "v2"], FullTextTerms.From("How do I restart the Billing worker? The billing WORKER (v2)!"));
    }

    [Fact]
    public void From_QuerySyntax_LeavesOnlyLettersAndDigits()
    {
        Assert.Equal(["drop", "table", "x", "near", "y"], FullTextTerms.From("\"drop\" OR table:x* & !NEAR(y) | -- ;"));
    }

    [Fact]
    public void From_OnlyStopWords_IsEmpty() => Assert.Empty(FullTextTerms.From("what is the"));
}
