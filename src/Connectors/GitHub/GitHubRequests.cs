using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace ChatCouncil.Connectors.GitHub;

/// <summary>The headers GitHub's REST API asks for on every call.</summary>
internal static class GitHubRequests
{
    public static HttpRequestMessage Create(HttpMethod method, string path, string bearer, GitHubApiOptions options, JsonObject? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.github+json"));
        request.Headers.Add("X-GitHub-Api-Version", options.ApiVersion);
        request.Headers.UserAgent.ParseAdd(options.UserAgent);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        return request;
    }
}
