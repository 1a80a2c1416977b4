namespace Dashboard.Application.Privacy;

/// <summary>What an end-user's data is used for; consent is given (or not) per purpose.</summary>
public enum Purpose
{
    Personalisation,
}
